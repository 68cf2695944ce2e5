package io.genesysbridge.backend.tenant;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One customer organisation of the platform and its Genesys Cloud connection.
 *
 * @param id the platform's tenant id ({@code metadata.tenantId})
 * @param region Genesys region and base URLs
 * @param clientId OAuth client-credentials client id
 * @param clientSecret OAuth client secret, decrypted (never logged: see {@link #toString()})
 * @param integrationIds Open Messaging integration ids, the first being the default
 * @param enabled a disabled tenant's messages are dead-lettered as {@code tenant.disabled}
 * @param rateLimit the tenant's Genesys request budget
 */
public record Tenant(String id, GenesysRegion region, String clientId, String clientSecret,
		List<String> integrationIds, boolean enabled, RateLimit rateLimit) {

	public Tenant {
		Assert.hasText(id, "tenant id must not be blank");
		Assert.hasText(clientId, "clientId must not be blank");
		integrationIds = List.copyOf(integrationIds);
	}

	/**
	 * @return the integration used when a message names none, or null if there is none
	 */
	public @Nullable String defaultIntegrationId() {
		return this.integrationIds.isEmpty() ? null : this.integrationIds.getFirst();
	}

	/**
	 * @param integrationId an integration id
	 * @return whether it belongs to this tenant
	 */
	public boolean ownsIntegration(String integrationId) {
		return this.integrationIds.contains(integrationId);
	}

	@Override
	public String toString() {
		return "Tenant[id=" + this.id + ", region=" + this.region.domain() + ", clientId=" + this.clientId
				+ ", integrations=" + this.integrationIds + ", enabled=" + this.enabled + ", clientSecret=***]";
	}

}
