package io.genesysbridge.console.tenant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Pauses and resumes tenants the way the processor's {@code TenantPauses} does: the hash
 * {@code <pause-key-prefix><tenantId>} {by, reason, at} pauses, deleting it resumes.
 * Every processor replica honours a change within about half a second; a paused tenant's
 * messages are held, never sent and never lost.
 */
public class TenantPauses {

	private final StringRedisTemplate redis;

	private final TenantProperties properties;

	private final Clock clock;

	TenantPauses(StringRedisTemplate redis, TenantProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param tenantId a tenant
	 * @return its pause, if paused
	 */
	public Optional<Pause> find(String tenantId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(key(tenantId));
		return hash.isEmpty() ? Optional.empty() : Optional.of(Pause.of(hash));
	}

	/**
	 * @param tenantIds tenants
	 * @return the pauses of those paused
	 */
	public Map<String, Pause> find(List<String> tenantIds) {
		List<Object> hashes = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			tenantIds.forEach((id) -> connection.hashCommands()
				.hGetAll(key(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			return null;
		});
		Map<String, Pause> pauses = new LinkedHashMap<>();
		for (int i = 0; i < tenantIds.size() && i < hashes.size(); i++) {
			if (hashes.get(i) instanceof Map<?, ?> hash && !hash.isEmpty()) {
				pauses.put(tenantIds.get(i), Pause.of(new LinkedHashMap<Object, Object>(hash)));
			}
		}
		return pauses;
	}

	/**
	 * @param tenantId tenant to pause
	 * @param by operator
	 * @param reason why
	 */
	public void pause(String tenantId, String by, String reason) {
		this.redis.opsForHash()
			.putAll(key(tenantId), Map.of("by", by, "reason", reason, "at", this.clock.instant().toString()));
	}

	/**
	 * @param tenantId tenant to resume
	 * @return whether it was paused
	 */
	public boolean resume(String tenantId) {
		return Boolean.TRUE.equals(this.redis.delete(key(tenantId)));
	}

	/**
	 * @param tenantIds candidate tenants
	 * @return the ids of those paused
	 */
	public List<String> paused(List<String> tenantIds) {
		return new ArrayList<>(find(tenantIds).keySet());
	}

	private String key(String tenantId) {
		return this.properties.pauseKeyPrefix() + tenantId;
	}

	/**
	 * A tenant's pause.
	 *
	 * @param by who paused it
	 * @param reason why
	 * @param at when (ISO-8601)
	 */
	public record Pause(String by, String reason, String at) {

		static Pause of(Map<Object, Object> hash) {
			return new Pause(String.valueOf(hash.getOrDefault("by", "")),
					String.valueOf(hash.getOrDefault("reason", "")), String.valueOf(hash.getOrDefault("at", "")));
		}

	}

}
