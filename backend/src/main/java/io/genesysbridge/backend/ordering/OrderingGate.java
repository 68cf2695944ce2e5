package io.genesysbridge.backend.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of per-conversation order. The sequencer {@link #assign assigns} each message
 * the next number of its conversation (idempotently per message, so a redelivered message keeps
 * its number); workers let a message through only when it is the conversation's {@link #next
 * next}, and {@link #advance} once it reached a final outcome (delivered, duplicate,
 * dead-lettered). All keys of one conversation share a hash tag.
 */
public class OrderingGate {

	// A conversation starting afresh (its counter expired) also forgets its next pointer, so an
	// old pointer cannot let the new numbers through out of order. Returns the message's number
	// and the conversation's next number, so the sequencer can tell a message at the head.
	private static final RedisScript<List> ASSIGN = RedisScript.of("""
			local n = redis.call('HGET', KEYS[2], ARGV[1])
			if n then
			  n = tonumber(n)
			else
			  if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('DEL', KEYS[3]) end
			  n = redis.call('INCR', KEYS[1])
			  redis.call('HSET', KEYS[2], ARGV[1], n)
			  redis.call('EXPIRE', KEYS[1], ARGV[2])
			  redis.call('EXPIRE', KEYS[2], ARGV[2])
			end
			return {n, tonumber(redis.call('GET', KEYS[3]) or '1')}
			""", List.class);

	private static final RedisScript<Long> ADVANCE = RedisScript.of("""
			local n = tonumber(redis.call('GET', KEYS[1]) or '1')
			local seq = tonumber(ARGV[1])
			if n == seq or (ARGV[3] == '1' and n < seq + 1) then
			  redis.call('SET', KEYS[1], seq + 1, 'EX', ARGV[2])
			  return seq + 1
			end
			return n
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final OrderingProperties properties;

	OrderingGate(ReactiveStringRedisTemplate redis, OrderingProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * @param tenantId tenant
	 * @param customerId the customer ({@code channel.from.id})
	 * @return the conversation key (a hash; the raw ids never reach Redis keys)
	 */
	public static String conversationKey(String tenantId, String customerId) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] digest = sha.digest((tenantId + "\u0000" + customerId).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/**
	 * @param key conversation key
	 * @param messageIdentity the message's identity within the tenant
	 * @return the message's number (the same for a redelivered message) and whether it is at the
	 * head of its conversation, every earlier message done
	 */
	Mono<Assignment> assign(String key, String messageIdentity) {
		return this.redis
			.execute(ASSIGN, List.of(prefix(key) + "seq", prefix(key) + "ids", prefix(key) + "next"),
					List.of(messageIdentity, ttlSeconds()))
			.next()
			.map((reply) -> {
				long seq = ((Number) reply.get(0)).longValue();
				return new Assignment(seq, seq <= ((Number) reply.get(1)).longValue());
			});
	}

	/**
	 * @param key conversation key
	 * @return the number of the message that may go next
	 */
	public Mono<Long> next(String key) {
		return this.redis.opsForValue().get(prefix(key) + "next").map(Long::parseLong).defaultIfEmpty(1L);
	}

	/**
	 * Records when the conversation's current message comes back from a deferral, so that its
	 * successors defer straight to that time instead of polling and deferring again and again.
	 * @param key conversation key
	 * @param dueAtMillis epoch millis at which the deferred message returns
	 * @param ttl how long the record is worth keeping (the deferral itself)
	 * @return completion
	 */
	public Mono<Void> holdUntil(String key, long dueAtMillis, Duration ttl) {
		return this.redis.opsForValue()
			.set(prefix(key) + "due", String.valueOf(dueAtMillis), ttl.plusSeconds(1))
			.then();
	}

	/**
	 * @param key conversation key
	 * @return when the conversation's current message returns from its deferral (epoch millis),
	 * or 0 if it is not deferred
	 */
	public Mono<Long> dueAt(String key) {
		return this.redis.opsForValue().get(prefix(key) + "due").map(Long::parseLong).defaultIfEmpty(0L);
	}

	/**
	 * Lets the conversation's next message go, if {@code seq} was the current one.
	 * @param key conversation key
	 * @param seq the message that reached a final outcome
	 * @return the conversation's next number afterwards
	 */
	public Mono<Long> advance(String key, long seq) {
		return advance(key, seq, false);
	}

	/**
	 * Skips a gap: makes {@code seq + 1} next even if earlier numbers never completed.
	 * @param key conversation key
	 * @param seq the message going ahead
	 * @return the conversation's next number afterwards
	 */
	public Mono<Long> skipTo(String key, long seq) {
		return advance(key, seq, true);
	}

	private Mono<Long> advance(String key, long seq, boolean force) {
		return this.redis
			.execute(ADVANCE, List.of(prefix(key) + "next"),
					List.of(String.valueOf(seq), ttlSeconds(), force ? "1" : "0"))
			.next();
	}

	public Duration localWait() {
		return this.properties.localWait();
	}

	public Duration pollInterval() {
		return this.properties.pollInterval();
	}

	public Duration deferDelay() {
		return this.properties.deferDelay();
	}

	public Duration gapTimeout() {
		return this.properties.gapTimeout();
	}

	private String prefix(String key) {
		return this.properties.keyPrefix() + "{" + key + "}:";
	}

	private String ttlSeconds() {
		return String.valueOf(this.properties.keyTtl().toSeconds());
	}

	/**
	 * @param seq the message's number in its conversation
	 * @param head whether every earlier message of the conversation was done when it was numbered
	 */
	record Assignment(long seq, boolean head) {
	}

}
