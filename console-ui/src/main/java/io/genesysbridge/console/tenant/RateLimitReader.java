package io.genesysbridge.console.tenant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads the processor's GCRA buckets without taking a permit. With emission interval
 * {@code I = 60 s / perMinute}, burst {@code b} and stored theoretical arrival time
 * {@code TAT}, the permits available now are {@code max(0, b - ceil((TAT - now) / I))},
 * with {@code now} from Redis {@code TIME} (the clock the processor's script uses).
 */
public class RateLimitReader {

	private final StringRedisTemplate redis;

	private final TenantProperties properties;

	RateLimitReader(StringRedisTemplate redis, TenantProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * @param tenants tenants to read
	 * @return each tenant's budget, by tenant id
	 */
	public Map<String, RateUsage> usage(List<TenantRecord> tenants) {
		Map<String, RateUsage> usage = new LinkedHashMap<>();
		if (tenants.isEmpty()) {
			return usage;
		}
		Long nowMicros = this.redis
			.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time(TimeUnit.MICROSECONDS));
		long now = (nowMicros != null) ? nowMicros : System.currentTimeMillis() * 1000;
		List<String> keys = new ArrayList<>();
		for (TenantRecord tenant : tenants) {
			String tag = this.properties.rateLimitKeyPrefix() + "{" + tenant.clientId() + "}:";
			keys.add(tag + "tenant:" + tenant.id());
			keys.add(tag + "client");
			keys.add(tag + "client:penalty");
		}
		List<Object> values = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			keys.forEach(
					(key) -> connection.stringCommands().get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return null;
		});
		for (int i = 0; i < tenants.size(); i++) {
			TenantRecord tenant = tenants.get(i);
			usage.put(tenant.id(),
					usage(tenant, now, value(values, 3 * i), value(values, 3 * i + 1), value(values, 3 * i + 2)));
		}
		return usage;
	}

	/**
	 * @param tenant one tenant
	 * @return its budget
	 */
	public RateUsage usage(TenantRecord tenant) {
		return usage(List.of(tenant)).get(tenant.id());
	}

	private RateUsage usage(TenantRecord tenant, long now, @Nullable String tenantTat, @Nullable String clientTat,
			@Nullable String penalty) {
		int perMinute = Math.max(1, tenant.perMinute());
		int burst = Math.max(1, tenant.burst());
		long interval = 60_000_000L / perMinute;
		long ahead = Math.max(0, parse(tenantTat) - now);
		int available = (int) Math.max(0, burst - ceilDiv(ahead, interval));
		long nextPermit = (available > 0) ? 0 : Math.max(0, ahead - interval * (burst - 1)) / 1000;
		double factor = (penalty != null) ? Double.parseDouble(penalty) : 1.0;
		long clientInterval = (long) (60_000_000L / this.properties.clientPerMinute() / Math.max(0.01, factor));
		long clientAhead = Math.max(0, parse(clientTat) - now);
		int clientAvailable = (int) Math.max(0,
				this.properties.clientBurst() - ceilDiv(clientAhead, Math.max(1, clientInterval)));
		return new RateUsage(tenant.id(), tenant.perMinute(), tenant.burst(), available, nextPermit, ahead / 1000,
				clientAvailable, penalty != null);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	private static long parse(@Nullable String value) {
		try {
			return (value != null) ? (long) Double.parseDouble(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable String value(List<Object> values, int index) {
		Object value = (index < values.size()) ? values.get(index) : null;
		return (value != null) ? value.toString() : null;
	}

}
