package io.genesysbridge.backend.tenant;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Cached tenant lookups for the hot path. Found and not-found answers are both kept for the
 * configured TTL, so an unknown tenant flood does not hammer Redis, and a tenant added or
 * disabled in Redis takes effect on every replica within that TTL. Redis errors are not cached.
 */
public class TenantDirectory {

	private final TenantRepository repository;

	private final AsyncCache<String, Optional<Tenant>> cache;

	TenantDirectory(TenantRepository repository, Duration ttl) {
		this.repository = repository;
		this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
	}

	/**
	 * @param tenantId a tenant id
	 * @return the tenant, or empty if no such tenant exists
	 */
	public Mono<Tenant> find(String tenantId) {
		return Mono
			.fromFuture(() -> this.cache.get(tenantId,
					(id, executor) -> this.repository.find(id).map(Optional::of).defaultIfEmpty(Optional.empty())
						.toFuture()))
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * Forgets a cached answer, e.g. after an operator changed the tenant.
	 * @param tenantId a tenant id
	 */
	public void evict(String tenantId) {
		this.cache.synchronous().invalidate(tenantId);
	}

}
