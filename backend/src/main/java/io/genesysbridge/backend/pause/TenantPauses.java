package io.genesysbridge.backend.pause;

import java.time.Clock;
import java.util.Map;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Pauses and resumes tenants. A paused tenant's messages are held (deferred, never lost, never
 * sent to Genesys); on resume they flow again, in order thanks to the ordering gate. The flag is
 * shared in Redis and cached per replica for at most {@code cacheTtl}. If Redis cannot be read
 * the tenant counts as not paused (fail-open, like dedupe).
 */
public class TenantPauses {

	private final ReactiveStringRedisTemplate redis;

	private final PauseProperties properties;

	private final Clock clock;

	private final AsyncCache<String, Boolean> cache;

	TenantPauses(ReactiveStringRedisTemplate redis, PauseProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
		this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).buildAsync();
	}

	/**
	 * @param tenantId a tenant
	 * @return whether its messages are held
	 */
	public Mono<Boolean> isPaused(String tenantId) {
		return Mono.fromFuture(() -> this.cache.get(tenantId,
				(id, executor) -> this.redis.hasKey(key(id)).onErrorReturn(false).toFuture()));
	}

	/**
	 * @param tenantId tenant to pause
	 * @param by who paused it
	 * @param reason why
	 * @return completion
	 */
	public Mono<Void> pause(String tenantId, String by, String reason) {
		return this.redis.opsForHash()
			.putAll(key(tenantId), Map.of("by", by, "reason", reason, "at", this.clock.instant().toString()))
			.doOnSuccess((ok) -> this.cache.synchronous().invalidate(tenantId))
			.then();
	}

	/**
	 * @param tenantId tenant to resume
	 * @return completion
	 */
	public Mono<Void> resume(String tenantId) {
		return this.redis.delete(key(tenantId)).doOnSuccess((n) -> this.cache.synchronous().invalidate(tenantId)).then();
	}

	public java.time.Duration holdDelay() {
		return this.properties.holdDelay();
	}

	private String key(String tenantId) {
		return this.properties.keyPrefix() + tenantId;
	}

}
