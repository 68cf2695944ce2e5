package io.genesysbridge.backend.api;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Turns the {@code {tenantId}} of an API path into an enabled tenant the caller's key may act
 * for, and picks the Open Messaging integration of a request. The key's scope is checked
 * before the lookup, so a scoped key learns nothing about other tenants.
 */
final class TenantResolver {

	private final TenantDirectory directory;

	TenantResolver(TenantDirectory directory) {
		this.directory = directory;
	}

	/**
	 * @param tenantId the tenant of the path
	 * @return the tenant, or an {@link ApiProblem}: 403 for a key scoped to other tenants, 404
	 * for an unknown tenant, 409 for a disabled one
	 */
	Mono<Tenant> resolve(String tenantId) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull((context) -> context.getAuthentication())
			.map((authentication) -> authentication.getPrincipal())
			.ofType(ApiClient.class)
			.filter((client) -> !client.mayActFor(tenantId))
			.flatMap((client) -> Mono.<Tenant>error(ApiProblem.tenantForbidden(client.name(), tenantId)))
			.switchIfEmpty(Mono.defer(() -> lookUp(tenantId)));
	}

	private Mono<Tenant> lookUp(String tenantId) {
		return this.directory.find(tenantId)
			.switchIfEmpty(Mono.error(() -> ApiProblem.tenantNotFound(tenantId)))
			.flatMap((tenant) -> tenant.enabled() ? Mono.just(tenant)
					: Mono.error(ApiProblem.tenantDisabled(tenantId)));
	}

	/**
	 * @param tenant the tenant
	 * @param requested the integration the request names, or null for the tenant's default
	 * @return the integration to use
	 * @throws ApiProblem 400 if the tenant does not own it, 409 if the tenant has none
	 */
	static String integration(Tenant tenant, @Nullable String requested) {
		if (requested != null) {
			if (!tenant.ownsIntegration(requested)) {
				throw ApiProblem.unknownIntegration(tenant.id(), requested);
			}
			return requested;
		}
		String fallback = tenant.defaultIntegrationId();
		if (fallback == null) {
			throw ApiProblem.noIntegration(tenant.id());
		}
		return fallback;
	}

}
