package io.genesysbridge.backend.tenant;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Cached tenant lookups for the hot paths, by tenant id (queue consumers) and by integration id
 * (the Genesys webhook). Found and not-found answers are both kept for the configured TTL, so
 * an unknown tenant or integration flood does not hammer Redis, and a tenant added, changed or
 * disabled in Redis takes effect on every replica within that TTL. Redis errors are not cached.
 */
public class TenantDirectory {

	private final TenantRepository repository;

	private final AsyncCache<String, Optional<Tenant>> byId;

	private final AsyncCache<String, Optional<Tenant>> byIntegration;

	TenantDirectory(TenantRepository repository, Duration ttl) {
		this.repository = repository;
		this.byId = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
		this.byIntegration = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
	}

	/**
	 * @param tenantId a tenant id
	 * @return the tenant, or empty if no such tenant exists
	 */
	public Mono<Tenant> find(String tenantId) {
		return Mono
			.fromFuture(() -> this.byId.get(tenantId,
					(id, executor) -> this.repository.find(id).map(Optional::of).defaultIfEmpty(Optional.empty())
						.toFuture()))
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * @param integrationId an Open Messaging integration id
	 * @return the tenant that owns it, or empty if no tenant does
	 */
	public Mono<Tenant> findByIntegration(String integrationId) {
		return Mono
			.fromFuture(() -> this.byIntegration.get(integrationId,
					(id, executor) -> this.repository.tenantIdOfIntegration(id)
						.flatMap(this.repository::find)
						.filter((tenant) -> tenant.ownsIntegration(id))
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty())
						.toFuture()))
			.flatMap(Mono::justOrEmpty);
	}

	/**
	 * Forgets cached answers about a tenant, e.g. after an operator changed it.
	 * @param tenantId a tenant id
	 */
	public void evict(String tenantId) {
		this.byId.synchronous().invalidate(tenantId);
		this.byIntegration.synchronous()
			.asMap()
			.entrySet()
			.removeIf((entry) -> entry.getValue().map((tenant) -> tenant.id().equals(tenantId)).orElse(true));
	}

}
