package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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

	private static final Duration POLL = Duration.ofMillis(50);

	private static final RedisScript<String> CLAIM = RedisScript.of("""
			if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return ARGV[1] end
			return redis.call('GET', KEYS[1]) or ''
			""", String.class);

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
		String key = this.properties.dedupeKeyFormat().formatted(integrationId, payloadId);
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
		UNAVAILABLE

	}

	/**
	 * @param state what the claim found
	 * @param key the Redis key
	 * @param marker our pending marker when {@code CLAIMED}
	 */
	record Claim(State state, String key, @Nullable String marker) {
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
