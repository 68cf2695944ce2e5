package io.genesysbridge.backend.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where tenants live and how they are seeded.
 *
 * @param keyPrefix Redis key prefix of tenant records ({@code <prefix><tenantId>}) and of the
 * index set ({@code <prefix>index})
 * @param cacheTtl how long a lookup (found or not) is kept in memory; a change in Redis is seen
 * by every replica after at most this long
 * @param encryptionKey base64 of a 256-bit AES key that encrypts client secrets at rest; keep
 * it in a secret store, never in the image
 * @param seed tenants written to Redis at start-up (upserted), e.g. from a Helm secret
 */
@Validated
@ConfigurationProperties("app.tenants")
public record TenantProperties(@DefaultValue("genesys-bridge:tenant:") String keyPrefix,
		@DefaultValue("5s") Duration cacheTtl, @NotBlank String encryptionKey,
		@DefaultValue List<@Valid Seed> seed) {

	/**
	 * One tenant to seed.
	 *
	 * @param id the platform's tenant id
	 * @param region Genesys region domain, e.g. {@code mypurecloud.ie}
	 * @param apiBaseUrl override of {@code https://api.<region>}
	 * @param loginBaseUrl override of {@code https://login.<region>}
	 * @param clientId OAuth client id
	 * @param clientSecret OAuth client secret (stored encrypted)
	 * @param integrationIds Open Messaging integration ids, the first is the default
	 * @param enabled whether its messages are delivered
	 * @param rateLimitPerMinute sustained Genesys requests per minute
	 * @param rateLimitBurst burst above the sustained rate
	 * @param webhookSecrets the signature secrets of the integrations' outbound webhooks (stored
	 * encrypted); a list rather than a map so that environment variables can set it
	 */
	public record Seed(@NotBlank String id, @DefaultValue("mypurecloud.com") String region,
			@Nullable String apiBaseUrl, @Nullable String loginBaseUrl, @NotBlank String clientId,
			@NotBlank String clientSecret, @DefaultValue List<String> integrationIds,
			@DefaultValue("true") boolean enabled, @DefaultValue("280") int rateLimitPerMinute,
			@DefaultValue("20") int rateLimitBurst, @DefaultValue List<@Valid WebhookSecretSeed> webhookSecrets) {

		Tenant toTenant() {
			Map<String, WebhookSecret> secrets = new LinkedHashMap<>();
			for (WebhookSecretSeed seed : this.webhookSecrets) {
				secrets.put(seed.integrationId(), seed.toSecret());
			}
			return new Tenant(this.id, GenesysRegion.of(this.region, this.apiBaseUrl, this.loginBaseUrl),
					this.clientId, this.clientSecret, this.integrationIds, this.enabled,
					new RateLimit(this.rateLimitPerMinute, this.rateLimitBurst), secrets);
		}

	}

	/**
	 * The webhook signature secret of one integration of a seeded tenant. To rotate it, put the
	 * old value in {@code previous-secret}, the new one in {@code secret}, and the end of the
	 * rotation window in {@code previous-secret-valid-until}; then change the secret in Genesys.
	 *
	 * @param integrationId the integration (one of the tenant's {@code integration-ids})
	 * @param secret the secret Genesys signs with, more than 15 characters
	 * @param previousSecret the secret before the rotation, accepted until
	 * {@code previousSecretValidUntil}
	 * @param previousSecretValidUntil ISO-8601 end of the rotation window, required with
	 * {@code previousSecret}
	 */
	public record WebhookSecretSeed(@NotBlank String integrationId,
			@NotBlank @Size(min = WebhookSecret.MIN_LENGTH) String secret,
			@Nullable @Size(min = WebhookSecret.MIN_LENGTH) String previousSecret,
			@Nullable Instant previousSecretValidUntil) {

		WebhookSecret toSecret() {
			return new WebhookSecret(this.secret, this.previousSecret,
					(this.previousSecret != null) ? this.previousSecretValidUntil : null);
		}

	}

}
