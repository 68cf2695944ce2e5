package io.genesysbridge.backend.dedupe;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Atomic idempotency claims on {@code genesys:dedupe:{tenantId}:{whatsapp_message_id}}.
 *
 * <p>
 * A claim is one Lua call: the key is set to a unique pending marker with a lease if absent,
 * otherwise its value is returned. After delivery the key holds
 * {@code delivered:<genesysMessageId>:<conversationId>} for the TTL; after a failure the pending
 * marker is deleted (only if it is still ours) so a retry can deliver. Any other value, such as
 * one written by the old platform, counts as delivered.
 *
 * <p>
 * When Redis is unreachable the claim answers {@code UNAVAILABLE} and the caller delivers anyway,
 * as the old service did; each such event is counted ({@value #UNAVAILABLE_METRIC}).
 */
public class DedupeStore {

	static final String UNAVAILABLE_METRIC = "genesysbridge.dedupe.unavailable";

	private static final Log logger = LogFactory.getLog(DedupeStore.class);

	private static final String PENDING = "pending:";

	private static final String DELIVERED = "delivered:";

	private static final RedisScript<String> CLAIM = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return ARGV[1] end
			return redis.call('GET', KEYS[1]) or ''
			""", String.class);

	private static final RedisScript<Long> RELEASE = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final DedupeProperties properties;

	private final Counter unavailable;

	DedupeStore(ReactiveStringRedisTemplate redis, DedupeProperties properties, MeterRegistry registry) {
		this.redis = redis;
		this.properties = properties;
		this.unavailable = Counter.builder(UNAVAILABLE_METRIC)
			.description("Dedupe operations that found Redis unreachable and went on without it (fail-open)")
			.register(registry);
	}

	/**
	 * @param tenantId tenant id
	 * @param whatsappMessageId the WhatsApp message id
	 * @return the claim; never an error
	 */
	public Mono<DedupeClaim> claim(String tenantId, String whatsappMessageId) {
		String key = this.properties.keyFormat().formatted(tenantId, whatsappMessageId);
		String marker = PENDING + UUID.randomUUID();
		return this.redis
			.execute(CLAIM, List.of(key), List.of(marker, String.valueOf(this.properties.lease().toMillis())))
			.next()
			.map((found) -> interpret(key, marker, found))
			.switchIfEmpty(Mono.fromSupplier(() -> new DedupeClaim(DedupeClaim.State.IN_FLIGHT, key, null, null, null)))
			.onErrorResume((ex) -> {
				failOpen("claim", ex);
				return Mono.just(new DedupeClaim(DedupeClaim.State.UNAVAILABLE, key, null, null, null));
			});
	}

	/**
	 * Records a delivery so later copies are recognised.
	 * @param claim a {@code CLAIMED} claim
	 * @param genesysMessageId Genesys message id
	 * @param conversationId Genesys conversation id
	 * @return completion; never an error
	 */
	public Mono<Void> markDelivered(DedupeClaim claim, String genesysMessageId, String conversationId) {
		if (claim.state() != DedupeClaim.State.CLAIMED) {
			return Mono.empty();
		}
		return this.redis.opsForValue()
			.set(claim.key(), DELIVERED + genesysMessageId + ":" + conversationId, this.properties.ttl())
			.then()
			.onErrorResume((ex) -> {
				failOpen("mark", ex);
				return Mono.empty();
			});
	}

	/**
	 * Gives a claim back after a failed attempt, so the retry can deliver.
	 * @param claim a claim
	 * @return completion; never an error
	 */
	public Mono<Void> release(DedupeClaim claim) {
		if (claim.state() != DedupeClaim.State.CLAIMED || claim.value() == null) {
			return Mono.empty();
		}
		return this.redis.execute(RELEASE, List.of(claim.key()), List.of(claim.value()))
			.then()
			.onErrorResume((ex) -> {
				failOpen("release", ex);
				return Mono.empty();
			});
	}

	private static DedupeClaim interpret(String key, String marker, String found) {
		if (found.equals(marker)) {
			return new DedupeClaim(DedupeClaim.State.CLAIMED, key, marker, null, null);
		}
		if (found.isEmpty() || found.startsWith(PENDING)) {
			return new DedupeClaim(DedupeClaim.State.IN_FLIGHT, key, found, null, null);
		}
		if (found.startsWith(DELIVERED)) {
			String[] ids = found.substring(DELIVERED.length()).split(":", 2);
			return new DedupeClaim(DedupeClaim.State.DELIVERED, key, found, blankToNull(ids[0]),
					(ids.length > 1) ? blankToNull(ids[1]) : null);
		}
		return new DedupeClaim(DedupeClaim.State.DELIVERED, key, found, null, null);
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private void failOpen(String operation, Throwable ex) {
		this.unavailable.increment();
		logger.warn("Redis unavailable for dedupe " + operation + "; continuing without it (fail-open): "
				+ ex.getClass().getSimpleName());
	}

}
