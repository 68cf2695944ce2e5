package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Publishes each Genesys payload id once, across retries, copies and replicas, with one key
 * per payload ({@code genesys-bridge:webhook:{integrationId}:{payloadId}}):
 * <ul>
 * <li>a claim is one Lua call that sets a unique pending marker with a lease if the key is
 * absent, else returns what it holds;</li>
 * <li>after the broker confirmed, the key becomes {@code published:<instant>} for the TTL;</li>
 * <li>after a failed publish the marker is deleted (only if still ours) so Genesys's retry can
 * publish;</li>
 * <li>after a publish whose confirm was lost with the connection the key becomes
 * {@code uncertain:<epoch millis>}: nobody can tell yet whether the broker holds the message. The
 * next copy settles that with the {@link PublishLedger} first, then {@linkplain #reclaim
 * reclaims} the key, which turns it into a fresh claim only if the ledger did not find the
 * payload;</li>
 * <li>a copy that finds a pending marker polls until the holder settled, for at most
 * {@code inFlightWait}.</li>
 * </ul>
 * When Redis is unreachable the claim answers {@code UNAVAILABLE} and the caller publishes
 * anyway (fail-open, counted): a rare duplicate is better than an agent message lost.
 */
class WebhookDeduplicator {

	private static final Log logger = LogFactory.getLog(WebhookDeduplicator.class);

	private static final String PENDING = "pending:";

	private static final String PUBLISHED = "published:";

	private static final String UNCERTAIN = "uncertain:";

	private static final Duration POLL = Duration.ofMillis(50);

	private static final RedisScript<String> CLAIM = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return ARGV[1] end
			return redis.call('GET', KEYS[1]) or ''
			""", String.class);

	/** Claims a key that is absent or uncertain; otherwise returns what it holds. */
	private static final RedisScript<String> RECLAIM = RedisScript.of("""
			local value = redis.call('GET', KEYS[1])
			if (not value) or string.sub(value, 1, 10) == 'uncertain:' then
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			  return ARGV[1]
			end
			return value
			""", String.class);

	/** Marks our claim (or a key whose lease ran out) uncertain; a settled key is left alone. */
	private static final RedisScript<Long> MARK_UNCERTAIN = RedisScript.of("""
			local value = redis.call('GET', KEYS[1])
			if (not value) or value == ARGV[1] then
			  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			  return 1
			end
			return 0
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final WebhookProperties properties;

	private final WebhookMetrics metrics;

	private final Clock clock;

	WebhookDeduplicator(ReactiveStringRedisTemplate redis, WebhookProperties properties, WebhookMetrics metrics,
			Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param integrationId the integration
	 * @param payloadId the webhook payload id
	 * @return the claim, after waiting out a copy in flight if there is one; never an error
	 */
	Mono<Claim> claim(String integrationId, String payloadId) {
		String key = keyOf(integrationId, payloadId);
		long polls = Math.max(0, this.properties.inFlightWait().toMillis() / POLL.toMillis());
		return Mono.defer(() -> tryClaim(key))
			.flatMap((claim) -> (claim.state() == State.IN_FLIGHT) ? Mono.error(new StillInFlight(claim))
					: Mono.just(claim))
			.retryWhen(Retry.fixedDelay(polls, POLL)
				.filter(StillInFlight.class::isInstance)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.onErrorResume(StillInFlight.class, (still) -> Mono.just(still.claim));
	}

	/**
	 * Records that the broker confirmed the payload, so later copies are answered without
	 * publishing. Unconditional: the payload is in the queue even if the lease had expired.
	 * @param claim a {@code CLAIMED} claim
	 * @return completion; never an error
	 */
	Mono<Void> markPublished(Claim claim) {
		if (claim.state() != State.CLAIMED) {
			return Mono.empty();
		}
		return this.redis.opsForValue()
			.set(claim.key(), PUBLISHED + this.clock.instant(), this.properties.dedupeTtl())
			.then()
			.onErrorResume((ex) -> failOpen("mark", ex));
	}

	/**
	 * Records payloads the {@link PublishLedger} found in the broker as published, whatever their
	 * key held: the ledger's copy proves the message reached its queue.
	 * @param keys the payloads' keys
	 * @return completion; an error if Redis failed (the ledger then keeps the entries)
	 */
	Mono<Void> markPublished(List<String> keys) {
		String value = PUBLISHED + this.clock.instant();
		return Flux.fromIterable(keys)
			.flatMap((key) -> this.redis.opsForValue().set(key, value, this.properties.dedupeTtl()), 64)
			.then();
	}

	/**
	 * Records that the connection died before the broker's confirm: the message may or may not
	 * be in the queue. The next copy asks the ledger before it publishes again.
	 * @param claim a {@code CLAIMED} claim
	 * @return completion; never an error
	 */
	Mono<Void> markUncertain(Claim claim) {
		if (claim.state() != State.CLAIMED || claim.marker() == null) {
			return Mono.empty();
		}
		String uncertain = UNCERTAIN + this.clock.millis();
		return this.redis
			.execute(MARK_UNCERTAIN, List.of(claim.key()),
					List.of(claim.marker(), uncertain, String.valueOf(this.properties.dedupeTtl().toMillis())))
			.then()
			.onErrorResume((ex) -> failOpen("mark-uncertain", ex));
	}

	/**
	 * Claims an uncertain key after the ledger was drained: if the ledger had found the payload,
	 * the key now says published and this answers {@code PUBLISHED}; if it still says uncertain,
	 * the broker never took the message and the claim is ours to publish.
	 * @param claim the {@code UNCERTAIN} claim
	 * @return the new claim; never an error
	 */
	Mono<Claim> reclaim(Claim claim) {
		String marker = PENDING + UUID.randomUUID();
		return this.redis
			.execute(RECLAIM, List.of(claim.key()),
					List.of(marker, String.valueOf(this.properties.dedupeLease().toMillis())))
			.next()
			.map((found) -> interpret(claim.key(), marker, found))
			.onErrorResume((ex) -> failOpen("reclaim", ex).thenReturn(new Claim(State.UNAVAILABLE, claim.key(), null)));
	}

	/**
	 * @param integrationId the integration
	 * @param payloadId the webhook payload id
	 * @return the payload's Redis key
	 */
	String keyOf(String integrationId, String payloadId) {
		return this.properties.dedupeKeyFormat().formatted(integrationId, payloadId);
	}

	/**
	 * Gives a claim back after a failed publish, so Genesys's retry can publish.
	 * @param claim a claim
	 * @return completion; never an error
	 */
	Mono<Void> release(Claim claim) {
		if (claim.state() != State.CLAIMED || claim.marker() == null) {
			return Mono.empty();
		}
		return this.redis.execute(RELEASE, List.of(claim.key()), List.of(claim.marker()))
			.then()
			.onErrorResume((ex) -> failOpen("release", ex));
	}

	private Mono<Claim> tryClaim(String key) {
		String marker = PENDING + UUID.randomUUID();
		return this.redis
			.execute(CLAIM, List.of(key), List.of(marker, String.valueOf(this.properties.dedupeLease().toMillis())))
			.next()
			.map((found) -> interpret(key, marker, found))
			.switchIfEmpty(Mono.fromSupplier(() -> new Claim(State.IN_FLIGHT, key, null)))
			.onErrorResume((ex) -> failOpen("claim", ex).thenReturn(new Claim(State.UNAVAILABLE, key, null)));
	}

	private static Claim interpret(String key, String marker, String found) {
		if (found.equals(marker)) {
			return new Claim(State.CLAIMED, key, marker);
		}
		if (found.isEmpty() || found.startsWith(PENDING)) {
			return new Claim(State.IN_FLIGHT, key, null);
		}
		if (found.startsWith(UNCERTAIN)) {
			return new Claim(State.UNCERTAIN, key, found);
		}
		return new Claim(State.PUBLISHED, key, null);
	}

	private Mono<Void> failOpen(String operation, Throwable ex) {
		this.metrics.dedupeUnavailable();
		logger.warn("Redis unavailable for webhook dedupe " + operation + "; continuing without it (fail-open): "
				+ ex.getClass().getSimpleName());
		return Mono.empty();
	}

	/**
	 * What a claim found.
	 */
	enum State {

		/** This request publishes the payload, then marks or releases the claim. */
		CLAIMED,

		/** Already published: answer 200 without publishing. */
		PUBLISHED,

		/** Another request is still publishing it: answer 503, Genesys retries. */
		IN_FLIGHT,

		/** Redis is unreachable: publish without a claim (fail-open). */
		UNAVAILABLE,

		/**
		 * An earlier publish lost its confirm with the connection: drain the ledger, then
		 * {@linkplain WebhookDeduplicator#reclaim reclaim}.
		 */
		UNCERTAIN

	}

	/**
	 * @param state what the claim found
	 * @param key the Redis key
	 * @param marker our pending marker when {@code CLAIMED}, the uncertain marker when
	 * {@code UNCERTAIN}
	 */
	record Claim(State state, String key, @Nullable String marker) {

		/**
		 * @return when the publish became uncertain (epoch millis); 0 unless {@code UNCERTAIN}
		 */
		long uncertainSince() {
			if (this.state != State.UNCERTAIN || this.marker == null) {
				return 0;
			}
			try {
				return Long.parseLong(this.marker.substring(UNCERTAIN.length()));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

	/** A copy still in flight; retried while {@code inFlightWait} lasts. */
	private static final class StillInFlight extends RuntimeException {

		private final Claim claim;

		StillInFlight(Claim claim) {
			super(null, null, false, false);
			this.claim = claim;
		}

	}

}
