package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Two GCRA buckets (tenant and OAuth client) checked and reserved in one atomic Lua call on
 * Redis's own clock, so every replica shares one budget. A permit due within {@code maxWait} is
 * reserved and its wait returned; a later one is not reserved, and the wait is returned negated.
 * A penalty key, set after a Genesys 429, stretches the client's emission interval.
 */
final class GcraLimiter {

	// KEYS: tenant TAT, client TAT, client penalty factor
	// ARGV: tenant interval µs, tenant tolerance µs, client interval µs, client tolerance µs, max wait µs
	// Returns granted (1/0), the wait (µs), Redis's clock (µs), and 1 if a bucket had less than one
	// permit of burst left (at its limit)
	private static final RedisScript<List> ACQUIRE = RedisScript.of("""
			local t = redis.call('TIME')
			local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
			local factor = tonumber(redis.call('GET', KEYS[3]) or '1')
			local ti, tt = tonumber(ARGV[1]), tonumber(ARGV[2])
			local ci, ct = tonumber(ARGV[3]) / factor, tonumber(ARGV[4])
			local ttat = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
			local ctat = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now)
			local ta, ca = ttat - tt - now, ctat - ct - now
			local wait = math.max(ta, ca, 0)
			local tight = (ta > -ti or ca > -ci) and 1 or 0
			if wait > tonumber(ARGV[5]) then return {0, string.format('%.0f', wait), string.format('%.0f', now), tight} end
			local nt, nc = ttat + ti, ctat + ci
			redis.call('SET', KEYS[1], string.format('%.0f', nt), 'PX', math.ceil((nt - now) / 1000) + 1000)
			redis.call('SET', KEYS[2], string.format('%.0f', nc), 'PX', math.ceil((nc - now) / 1000) + 1000)
			return {1, string.format('%.0f', wait), string.format('%.0f', now), tight}
			""", List.class);

	private final ReactiveStringRedisTemplate redis;

	GcraLimiter(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * @return the answer: a reserved permit and its wait, or a refusal and the wait it would need
	 */
	Mono<Permit> acquire(Buckets buckets, Rate tenant, Rate client, Duration maxWait) {
		List<String> keys = List.of(buckets.tenantKey(), buckets.clientKey(), buckets.penaltyKey());
		List<String> args = List.of(String.valueOf(tenant.intervalMicros()), String.valueOf(tenant.toleranceMicros()),
				String.valueOf(client.intervalMicros()), String.valueOf(client.toleranceMicros()),
				String.valueOf(maxWait.toNanos() / 1000));
		return this.redis.execute(ACQUIRE, keys, args).next().map((reply) -> {
			boolean granted = Long.parseLong(String.valueOf(reply.get(0))) == 1;
			long waitMicros = Long.parseLong(String.valueOf(reply.get(1)));
			long redisNowMicros = Long.parseLong(String.valueOf(reply.get(2)));
			boolean atLimit = Long.parseLong(String.valueOf(reply.get(3))) == 1;
			return new Permit(granted, Duration.ofNanos(waitMicros * 1000), atLimit, redisNowMicros);
		});
	}

	/**
	 * The limiter's answer.
	 *
	 * @param granted whether a permit was reserved
	 * @param delay from {@code redisNowMicros} to the permit's slot (granted), or to the earliest
	 * slot a later request could get (refused)
	 * @param atLimit whether a bucket had less than one permit of burst left: only then can a call
	 * that leaves late crowd the calls after it above the rate
	 * @param redisNowMicros Redis's clock when it answered, µs since the epoch
	 */
	record Permit(boolean granted, Duration delay, boolean atLimit, long redisNowMicros) {

		/** The delay, negated when refused. */
		Duration signedWait() {
			return this.granted ? this.delay : this.delay.negated();
		}

	}

	Mono<Void> penalize(Buckets buckets, double factor, Duration duration) {
		return this.redis.opsForValue().set(buckets.penaltyKey(), String.valueOf(factor), duration).then();
	}

	/**
	 * The Redis keys of one tenant's buckets, sharing the client's hash tag.
	 */
	record Buckets(String tenantKey, String clientKey, String penaltyKey) {

		static Buckets of(String prefix, String clientId, String tenantId) {
			String tag = prefix + "{" + clientId + "}:";
			return new Buckets(tag + "tenant:" + tenantId, tag + "client", tag + "client:penalty");
		}

	}

	/**
	 * A rate as GCRA parameters.
	 *
	 * @param perMinute sustained requests per minute
	 * @param burst requests allowed at once (at least 1)
	 */
	record Rate(int perMinute, int burst) {

		long intervalMicros() {
			return 60_000_000L / this.perMinute;
		}

		long toleranceMicros() {
			return intervalMicros() * (Math.max(1, this.burst) - 1);
		}

	}

}
