package io.genesysbridge.backend.tenant;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
	 */
	public record Seed(@NotBlank String id, @DefaultValue("mypurecloud.com") String region,
			@Nullable String apiBaseUrl, @Nullable String loginBaseUrl, @NotBlank String clientId,
			@NotBlank String clientSecret, @DefaultValue List<String> integrationIds,
			@DefaultValue("true") boolean enabled, @DefaultValue("280") int rateLimitPerMinute,
			@DefaultValue("20") int rateLimitBurst) {

		Tenant toTenant() {
			return new Tenant(this.id, GenesysRegion.of(this.region, this.apiBaseUrl, this.loginBaseUrl),
					this.clientId, this.clientSecret, this.integrationIds, this.enabled,
					new RateLimit(this.rateLimitPerMinute, this.rateLimitBurst));
		}

	}

}
