package io.genesysbridge.backend.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param webhookSecrets per integration id, the secret its outbound webhooks are signed with
 * (decrypted; never logged); an integration without one cannot deliver webhooks
 */
public record Tenant(String id, GenesysRegion region, String clientId, String clientSecret,
		List<String> integrationIds, boolean enabled, RateLimit rateLimit, Map<String, WebhookSecret> webhookSecrets) {

	public Tenant {
		Assert.hasText(id, "tenant id must not be blank");
		Assert.hasText(clientId, "clientId must not be blank");
		integrationIds = List.copyOf(integrationIds);
		webhookSecrets = Map.copyOf(webhookSecrets);
		for (String integrationId : webhookSecrets.keySet()) {
			Assert.isTrue(integrationIds.contains(integrationId),
					() -> "webhook secret for integration " + integrationId + " which tenant " + id + " does not own");
		}
	}

	/**
	 * A tenant without webhook secrets.
	 */
	public Tenant(String id, GenesysRegion region, String clientId, String clientSecret, List<String> integrationIds,
			boolean enabled, RateLimit rateLimit) {
		this(id, region, clientId, clientSecret, integrationIds, enabled, rateLimit, Map.of());
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

	/**
	 * @param integrationId one of this tenant's integrations
	 * @return the secret its webhooks are signed with, or null if none is configured
	 */
	public @Nullable WebhookSecret webhookSecret(String integrationId) {
		return this.webhookSecrets.get(integrationId);
	}

	/**
	 * @param integrationId one of this tenant's integrations
	 * @param secret its new webhook secret (for instance {@link WebhookSecret#rotate rotated})
	 * @return a copy of this tenant with that secret
	 */
	public Tenant withWebhookSecret(String integrationId, WebhookSecret secret) {
		Map<String, WebhookSecret> secrets = new LinkedHashMap<>(this.webhookSecrets);
		secrets.put(integrationId, secret);
		return new Tenant(this.id, this.region, this.clientId, this.clientSecret, this.integrationIds, this.enabled,
				this.rateLimit, secrets);
	}

	@Override
	public String toString() {
		return "Tenant[id=" + this.id + ", region=" + this.region.domain() + ", clientId=" + this.clientId
				+ ", integrations=" + this.integrationIds + ", enabled=" + this.enabled + ", clientSecret=***"
				+ ", webhookSecrets=" + this.webhookSecrets.keySet() + "]";
	}

}
