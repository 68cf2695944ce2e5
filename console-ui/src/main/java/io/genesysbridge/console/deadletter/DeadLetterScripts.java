package io.genesysbridge.console.deadletter;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts that change dead-letter records. Each runs atomically in Redis, so
 * every state change is a compare-and-set and the indexes never disagree with the
 * records. Key names are built from the prefix (ARGV[1]); every key shares the prefix's
 * hash tag.
 *
 * <p>
 * Record: hash {@code
 *
<p>
 * dl:<id>}. Indexes: sorted sets {@code
 *
<p>
 * by-time} (score = last failure), {@code
 *
<p>
 * expiry} (score = expiry), {@code
 *
<p>
 * tenant:<t>}, {@code
 *
<p>
 * reason:<r>}, {@code
 *
<p>
 * fingerprint:<f>}, {@code
 *
<p>
 * replaying} (score = claim time), and the sets {@code
 *
<p>
 * ref:<message or correlation id>}.
 */
final class DeadLetterScripts {

	/**
	 * ARGV: prefix, id, now, maxAge, marker, attempts, first, last, tenant, fingerprint,
	 * reason, n, n refs, then field/value pairs. Returns 0 (same DLQ message seen
	 * before), 1 (new record) or 2 (the message failed again: attempts added, record
	 * reopened).
	 */
	static final RedisScript<Long> INGEST = RedisScript.of(
			"""
					local p, id = ARGV[1], ARGV[2]
					local k = p .. 'dl:' .. id
					if redis.call('HGET', k, 'ingestMarker') == ARGV[5] then return 0 end
					local old = redis.call('HMGET', k, 'status', 'attempts', 'firstFailureMs', 'tenant', 'fingerprint', 'reason', 'replays')
					local last = tonumber(ARGV[8])
					local first = tonumber(ARGV[7])
					if old[3] and tonumber(old[3]) < first then first = tonumber(old[3]) end
					local attempts = tonumber(ARGV[6]) + (tonumber(old[2]) or 0)
					if old[4] and old[4] ~= ARGV[9] then redis.call('ZREM', p .. 'tenant:' .. old[4], id) end
					if old[5] and old[5] ~= ARGV[10] then redis.call('ZREM', p .. 'fingerprint:' .. old[5], id) end
					if old[6] and old[6] ~= ARGV[11] then redis.call('ZREM', p .. 'reason:' .. old[6], id) end
					local status = 'WAITING'
					if old[1] == 'REPLAYING' then
					  status = 'REPLAYING'
					  redis.call('HSET', k, 'failedDuringReplay', '1')
					end
					local n = tonumber(ARGV[12])
					local refs = {}
					for i = 1, n do
					  refs[i] = ARGV[12 + i]
					  redis.call('SADD', p .. 'ref:' .. ARGV[12 + i], id)
					end
					local expires = last + tonumber(ARGV[4])
					redis.call('HSET', k, 'id', id, 'status', status, 'attempts', attempts, 'firstFailureMs', first,
					  'lastFailureMs', last, 'ingestMarker', ARGV[5], 'ingestedMs', ARGV[3], 'tenant', ARGV[9],
					  'fingerprint', ARGV[10], 'reason', ARGV[11], 'refs', table.concat(refs, ' '), 'expiresMs', expires)
					for i = 13 + n, #ARGV, 2 do redis.call('HSET', k, ARGV[i], ARGV[i + 1]) end
					local replays = tonumber(old[7]) or 0
					local carried = tonumber(redis.call('HGET', k, 'headerReplays') or '0') or 0
					if carried > replays then replays = carried end
					redis.call('HSET', k, 'replays', replays)
					redis.call('HDEL', k, 'archivedBy', 'archivedReason', 'archivedMs', 'resolvedMs')
					redis.call('ZADD', p .. 'by-time', last, id)
					redis.call('ZADD', p .. 'expiry', expires, id)
					redis.call('ZADD', p .. 'tenant:' .. ARGV[9], last, id)
					redis.call('ZADD', p .. 'fingerprint:' .. ARGV[10], last, id)
					redis.call('ZADD', p .. 'reason:' .. ARGV[11], last, id)
					if old[1] then return 2 end
					return 1
					""",
			Long.class);

	/**
	 * ARGV: prefix, id, force ('1' also deletes a record being replayed). Returns 1 if
	 * deleted.
	 */
	static final RedisScript<Long> DELETE = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'tenant', 'fingerprint', 'reason', 'refs')
			if f[1] == 'REPLAYING' and ARGV[3] ~= '1' then return 0 end
			if f[2] then redis.call('ZREM', p .. 'tenant:' .. f[2], id) end
			if f[3] then redis.call('ZREM', p .. 'fingerprint:' .. f[3], id) end
			if f[4] then redis.call('ZREM', p .. 'reason:' .. f[4], id) end
			if f[5] then
			  for ref in string.gmatch(f[5], '%S+') do redis.call('SREM', p .. 'ref:' .. ref, id) end
			end
			redis.call('ZREM', p .. 'by-time', id)
			redis.call('ZREM', p .. 'expiry', id)
			redis.call('ZREM', p .. 'replaying', id)
			return redis.call('DEL', k)
			""", Long.class);

	/**
	 * WAITING → REPLAYING. ARGV: prefix, id, token, operation, by, now. Returns OK, or
	 * the current status (MISSING, TRUNCATED) when the claim is refused.
	 */
	static final RedisScript<String> CLAIM = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'truncated')
			if not f[1] then return 'MISSING' end
			if f[1] ~= 'WAITING' then return f[1] end
			if f[2] == '1' then return 'TRUNCATED' end
			redis.call('HSET', k, 'status', 'REPLAYING', 'replayToken', ARGV[3], 'replayOperation', ARGV[4],
			  'replayBy', ARGV[5], 'replayStartedMs', ARGV[6], 'failedDuringReplay', '0', 'lastReplayError', '')
			redis.call('ZADD', p .. 'replaying', ARGV[6], id)
			return 'OK'
			""", String.class);

	/**
	 * REPLAYING(token) → REPLAYED, or → WAITING if the message already failed again
	 * meanwhile. ARGV: prefix, id, token, now, resolvedAge, maxAge, operation key or ''.
	 * Counts the replay in the operation's {@code done} field in the same step. Returns
	 * the new status, or LOST when the token no longer holds the claim.
	 */
	static final RedisScript<String> COMPLETE = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'replayToken', 'failedDuringReplay', 'lastFailureMs')
			if f[1] ~= 'REPLAYING' or f[2] ~= ARGV[3] then return 'LOST' end
			local now = tonumber(ARGV[4])
			local status = 'REPLAYED'
			local expires = now + tonumber(ARGV[5])
			if f[3] == '1' then
			  status = 'WAITING'
			  expires = math.max(tonumber(f[4]) + tonumber(ARGV[6]), now + 3600000)
			else
			  redis.call('HSET', k, 'resolvedMs', now)
			end
			redis.call('HSET', k, 'status', status, 'replayedMs', now, 'replayToken', '', 'failedDuringReplay', '0',
			  'expiresMs', expires)
			redis.call('HINCRBY', k, 'replays', 1)
			redis.call('ZADD', p .. 'expiry', expires, id)
			redis.call('ZREM', p .. 'replaying', id)
			if ARGV[7] ~= '' then redis.call('HINCRBY', ARGV[7], 'done', 1) end
			return status
			""", String.class);

	/**
	 * REPLAYING(token) → WAITING after a refused publish. ARGV: prefix, id, token, error.
	 * Returns OK or LOST.
	 */
	static final RedisScript<String> RELEASE = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'replayToken')
			if f[1] ~= 'REPLAYING' or f[2] ~= ARGV[3] then return 'LOST' end
			redis.call('HSET', k, 'status', 'WAITING', 'replayToken', '', 'lastReplayError', ARGV[4])
			redis.call('ZREM', p .. 'replaying', id)
			return 'OK'
			""", String.class);

	/**
	 * Recovery takes over a replay that stalled: REPLAYING(old) → REPLAYING(new). ARGV:
	 * prefix, id, old token, new token, now. Returns OK or LOST.
	 */
	static final RedisScript<String> TAKE_OVER = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'replayToken')
			if f[1] ~= 'REPLAYING' or f[2] ~= ARGV[3] then return 'LOST' end
			redis.call('HSET', k, 'replayToken', ARGV[4], 'replayStartedMs', ARGV[5])
			redis.call('ZADD', p .. 'replaying', ARGV[5], id)
			return 'OK'
			""", String.class);

	/**
	 * WAITING → ARCHIVED. ARGV: prefix, id, by, reason, now, resolvedAge. Returns OK or
	 * the current status.
	 */
	static final RedisScript<String> ARCHIVE = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local status = redis.call('HGET', k, 'status')
			if not status then return 'MISSING' end
			if status ~= 'WAITING' then return status end
			local expires = tonumber(ARGV[5]) + tonumber(ARGV[6])
			redis.call('HSET', k, 'status', 'ARCHIVED', 'archivedBy', ARGV[3], 'archivedReason', ARGV[4],
			  'archivedMs', ARGV[5], 'resolvedMs', ARGV[5], 'expiresMs', expires)
			redis.call('ZADD', p .. 'expiry', expires, id)
			return 'OK'
			""", String.class);

	/**
	 * ARCHIVED → WAITING. ARGV: prefix, id, now, maxAge. Returns OK or the current
	 * status.
	 */
	static final RedisScript<String> RESTORE = RedisScript.of("""
			local p, id = ARGV[1], ARGV[2]
			local k = p .. 'dl:' .. id
			local f = redis.call('HMGET', k, 'status', 'lastFailureMs')
			if not f[1] then return 'MISSING' end
			if f[1] ~= 'ARCHIVED' then return f[1] end
			local expires = math.max(tonumber(f[2]) + tonumber(ARGV[4]), tonumber(ARGV[3]) + 86400000)
			redis.call('HSET', k, 'status', 'WAITING', 'expiresMs', expires)
			redis.call('HDEL', k, 'resolvedMs')
			redis.call('ZADD', p .. 'expiry', expires, id)
			return 'OK'
			""", String.class);

	private DeadLetterScripts() {
	}

}
