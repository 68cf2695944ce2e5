package io.genesysbridge.backend.receipt;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps one message's status moving forwards only, across consumers and replicas. The highest
 * status recorded is kept at {@code genesys-bridge:receipt-status:{<genesysId>}} (the braces are
 * part of the key: a hash tag, so the key and its lock share a Redis Cluster slot); sending a
 * receipt holds the lock {@code …:lock} (a lease), so two statuses of one message are never sent
 * at the same time and Genesys cannot see them out of order.
 *
 * <p>
 * A status is recorded only after its receipt was sent ({@link #commit}); a failed attempt gives
 * the lock back ({@link #release}) and its retry finds the status still open. Both scripts
 * compare ranks inside Redis, so the check and the change are one atomic step.
 */
class ReceiptProgress {

	/** Ranks must match {@link ReceiptStatus#rank()}. */
	private static final String RANKS = "local ranks = {delivered = 1, read = 2, failed = 3}\n";

	private static final RedisScript<String> CLAIM = RedisScript.of(RANKS + """
			local current = redis.call('GET', KEYS[1])
			if current and (ranks[current] or 0) >= ranks[ARGV[1]] then return 'stale:' .. current end
			if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 'claimed' end
			return 'busy'
			""", String.class);

	private static final RedisScript<Long> COMMIT = RedisScript.of(RANKS + """
			local current = redis.call('GET', KEYS[1])
			if not current or (ranks[current] or 0) < ranks[ARGV[1]] then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
			end
			if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
			return 1
			""", Long.class);

	private static final RedisScript<Long> RELEASE = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ReceiptProperties properties;

	ReceiptProgress(ReactiveStringRedisTemplate redis, ReceiptProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * @param genesysId the message
	 * @param status the status that arrived
	 * @return whether it may be sent now; an error if Redis failed
	 */
	Mono<Claim> claim(String genesysId, ReceiptStatus status) {
		String token = UUID.randomUUID().toString();
		List<String> keys = keys(genesysId);
		return this.redis
			.execute(CLAIM, keys,
					List.of(status.code(), token, String.valueOf(this.properties.statusLease().toMillis())))
			.next()
			.map((answer) -> switch (answer) {
				case "claimed" -> new Claim(State.CLAIMED, genesysId, status, token, null);
				case "busy" -> new Claim(State.BUSY, genesysId, status, null, null);
				default -> new Claim(State.STALE, genesysId, status, null, answer.substring("stale:".length()));
			});
	}

	/**
	 * Records the status (if it is still the highest) and releases the lock.
	 * @param claim a {@code CLAIMED} claim
	 * @return completion
	 */
	Mono<Void> commit(Claim claim) {
		return this.redis
			.execute(COMMIT, keys(claim.genesysId()), List.of(claim.status().code(), String.valueOf(claim.token()),
					String.valueOf(this.properties.statusTtl().toMillis())))
			.then();
	}

	/**
	 * Gives the lock back after a failed attempt; never fails.
	 * @param claim a {@code CLAIMED} claim
	 * @return completion
	 */
	Mono<Void> release(Claim claim) {
		return this.redis.execute(RELEASE, List.of(lockKey(claim.genesysId())), List.of(String.valueOf(claim.token())))
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private List<String> keys(String genesysId) {
		return List.of(statusKey(genesysId), lockKey(genesysId));
	}

	/**
	 * The id goes in as a hash tag, so the status key and its lock live in one Redis Cluster slot
	 * (both scripts touch both keys) whatever the configured format.
	 */
	private String statusKey(String genesysId) {
		return this.properties.statusKeyFormat().formatted("{" + genesysId + "}");
	}

	private String lockKey(String genesysId) {
		return statusKey(genesysId) + ":lock";
	}

	/**
	 * What a claim found.
	 */
	enum State {

		/** This consumer may send the receipt, then commit or release. */
		CLAIMED,

		/** The status is not above the one recorded: drop it. */
		STALE,

		/** Another status of this message is being sent right now: retry later. */
		BUSY

	}

	/**
	 * @param state the outcome
	 * @param genesysId the message
	 * @param status the status claimed
	 * @param token the lock token when {@code CLAIMED}
	 * @param recorded the status already recorded when {@code STALE}
	 */
	record Claim(State state, String genesysId, ReceiptStatus status, @Nullable String token,
			@Nullable String recorded) {
	}

}
