package io.genesysbridge.console.replay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Bulk replays in Redis, next to the dead letters (same hash tag): the hash {@code
 *
<p>
 * op:<id>}, the frozen id list {@code
 *
<p>
 * op:<id>:ids}, the lease {@code
 *
<p>
 * op:<id>:lease} of the console replica running it, and the index {@code
 *
<p>
 * ops}. Every status change and every step of the cursor is a compare-and-set. The scripts
 * take their keys from ARGV; each call also declares one of them as KEYS[1] only so that a
 * Redis Cluster client sends it to the node owning the shared hash tag's slot.
 */
class BulkReplays {

	/** ARGV: op key, from-status list (space separated), to-status, field, value. */
	private static final RedisScript<Long> TRANSITION = RedisScript.of("""
			local status = redis.call('HGET', ARGV[1], 'status')
			if not status then return 0 end
			for allowed in string.gmatch(ARGV[2], '%S+') do
			  if allowed == status then
			    redis.call('HSET', ARGV[1], 'status', ARGV[3])
			    if ARGV[4] ~= '' then redis.call('HSET', ARGV[1], ARGV[4], ARGV[5]) end
			    return 1
			  end
			end
			return 0
			""", Long.class);

	/**
	 * Moves the cursor past one id. ARGV: op key, ids key, expected cursor, counter field
	 * or '', id to push back at the end or ''. Returns 1 if this call moved it.
	 */
	private static final RedisScript<Long> ADVANCE = RedisScript.of("""
			if redis.call('HGET', ARGV[1], 'cursor') ~= ARGV[3] then return 0 end
			redis.call('HSET', ARGV[1], 'cursor', tonumber(ARGV[3]) + 1)
			if ARGV[4] ~= '' then redis.call('HINCRBY', ARGV[1], ARGV[4], 1) end
			if ARGV[5] ~= '' then redis.call('RPUSH', ARGV[2], ARGV[5]) end
			return 1
			""", Long.class);

	private static final RedisScript<Long> RENEW = RedisScript.of("""
			if redis.call('GET', ARGV[1]) == ARGV[2] then
			  redis.call('PEXPIRE', ARGV[1], ARGV[3])
			  return 1
			end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final ReplayProperties properties;

	private final Clock clock;

	BulkReplays(StringRedisTemplate redis, String prefix, ReplayProperties properties, Clock clock) {
		this.redis = redis;
		this.prefix = prefix;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Freezes a set of ids. It expires unless confirmed within {@code prepare-ttl}.
	 * @return the operation id
	 */
	String prepare(List<String> ids, String scope, String by, int rate) {
		String id = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
		String key = key(id);
		if (!ids.isEmpty()) {
			this.redis.opsForList().rightPushAll(idsKey(id), ids);
		}
		this.redis.opsForHash()
			.putAll(key,
					Map.of("id", id, "status", "PREPARED", "scope", scope, "total", String.valueOf(ids.size()), "rate",
							String.valueOf(rate), "cursor", "0", "createdBy", by, "createdMs",
							String.valueOf(this.clock.millis())));
		this.redis.expire(key, this.properties.prepareTtl());
		this.redis.expire(idsKey(id), this.properties.prepareTtl());
		this.redis.opsForZSet().add(this.prefix + "ops", id, this.clock.millis());
		return id;
	}

	Optional<BulkReplay> find(String id) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(key(id));
		return hash.isEmpty() ? Optional.empty() : Optional.of(BulkReplay.of(hash));
	}

	/**
	 * @return the most recent operations, newest first (expired ones are dropped from the
	 * index)
	 */
	List<BulkReplay> recent(int count) {
		Set<String> ids = this.redis.opsForZSet().reverseRange(this.prefix + "ops", 0, count - 1);
		List<BulkReplay> recent = new ArrayList<>();
		for (String id : (ids != null) ? ids : Set.<String>of()) {
			Optional<BulkReplay> replay = find(id);
			if (replay.isPresent()) {
				recent.add(replay.get());
			}
			else {
				this.redis.opsForZSet().remove(this.prefix + "ops", id);
			}
		}
		return recent;
	}

	/**
	 * PREPARED → RUNNING, keeping the operation until it is finished.
	 * @return whether this call confirmed it (a second click finds it running)
	 */
	boolean confirm(String id, String by, int rate, String reason) {
		boolean confirmed = transition(id, "PREPARED", "RUNNING", "confirmedBy", by);
		if (confirmed) {
			this.redis.opsForHash().putAll(key(id), Map.of("rate", String.valueOf(rate), "reason", reason));
			this.redis.persist(key(id));
			this.redis.persist(idsKey(id));
		}
		return confirmed;
	}

	boolean transition(String id, String from, String to, String field, String value) {
		Long changed = this.redis.execute(TRANSITION, List.of(key(id)), key(id), from, to, field, value);
		return changed != null && changed == 1;
	}

	/**
	 * Ends an operation and lets it expire after {@code keep-finished}.
	 */
	boolean finish(String id, String from, String to) {
		boolean finished = transition(id, from, to, "finishedMs", String.valueOf(this.clock.millis()));
		if (finished) {
			this.redis.expire(key(id), this.properties.keepFinished());
			this.redis.expire(idsKey(id), this.properties.keepFinished());
			this.redis.delete(leaseKey(id));
		}
		return finished;
	}

	void set(String id, String field, String value) {
		this.redis.opsForHash().put(key(id), field, value);
	}

	int cursor(String id) {
		Object cursor = this.redis.opsForHash().get(key(id), "cursor");
		return (cursor != null) ? Integer.parseInt(cursor.toString()) : 0;
	}

	long length(String id) {
		Long size = this.redis.opsForList().size(idsKey(id));
		return (size != null) ? size : 0;
	}

	@Nullable String idAt(String id, int index) {
		return this.redis.opsForList().index(idsKey(id), index);
	}

	boolean advance(String id, int expectedCursor, String counter, String pushBack) {
		Long moved = this.redis.execute(ADVANCE, List.of(key(id)), key(id), idsKey(id), String.valueOf(expectedCursor),
				counter, pushBack);
		return moved != null && moved == 1;
	}

	/**
	 * @return whether this replica now holds (or still holds) the operation's lease
	 */
	boolean lease(String id, String owner) {
		Boolean taken = this.redis.opsForValue().setIfAbsent(leaseKey(id), owner, this.properties.lease());
		if (Boolean.TRUE.equals(taken)) {
			return true;
		}
		Long renewed = this.redis.execute(RENEW, List.of(leaseKey(id)), leaseKey(id), owner,
				String.valueOf(this.properties.lease().toMillis()));
		return renewed != null && renewed == 1;
	}

	void releaseLease(String id, String owner) {
		if (owner.equals(this.redis.opsForValue().get(leaseKey(id)))) {
			this.redis.delete(leaseKey(id));
		}
	}

	/**
	 * @return the Redis key of an operation (the dead-letter store counts confirmed
	 * replays in it)
	 */
	String key(String id) {
		return this.prefix + "op:" + id;
	}

	private String idsKey(String id) {
		return this.prefix + "op:" + id + ":ids";
	}

	private String leaseKey(String id) {
		return this.prefix + "op:" + id + ":lease";
	}

}
