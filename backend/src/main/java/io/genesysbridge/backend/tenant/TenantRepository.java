package io.genesysbridge.backend.tenant;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Tenant records in Redis: one JSON document per tenant at {@code <keyPrefix><tenantId>} with
 * the client secret AES-GCM encrypted, plus the set {@code <keyPrefix>index} of tenant ids.
 * Shared by every processor replica and the console.
 */
public class TenantRepository {

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final SecretCipher cipher;

	private final String keyPrefix;

	private final Clock clock;

	TenantRepository(ReactiveStringRedisTemplate redis, JsonMapper json, SecretCipher cipher, String keyPrefix,
			Clock clock) {
		this.redis = redis;
		this.json = json;
		this.cipher = cipher;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	/**
	 * Creates or replaces a tenant.
	 * @param tenant the tenant, secret in clear
	 * @return completion
	 */
	public Mono<Void> save(Tenant tenant) {
		StoredTenant stored = StoredTenant.of(tenant, this.cipher.encrypt(tenant.clientSecret(), tenant.id()),
				this.clock.instant().toString());
		String document = this.json.writeValueAsString(stored);
		return this.redis.opsForValue()
			.set(key(tenant.id()), document)
			.then(this.redis.opsForSet().add(indexKey(), tenant.id()))
			.then();
	}

	/**
	 * @param tenantId a tenant id
	 * @return the tenant with its secret decrypted, or empty if unknown
	 */
	public Mono<Tenant> find(String tenantId) {
		return this.redis.opsForValue()
			.get(key(tenantId))
			.map((document) -> this.json.readValue(document, StoredTenant.class))
			.map((stored) -> stored.toTenant(this.cipher.decrypt(stored.clientSecret(), stored.id())));
	}

	/**
	 * @return every known tenant id
	 */
	public Flux<String> ids() {
		return this.redis.opsForSet().members(indexKey());
	}

	/**
	 * @param tenantId tenant to remove
	 * @return completion
	 */
	public Mono<Void> delete(String tenantId) {
		return this.redis.delete(key(tenantId)).then(this.redis.opsForSet().remove(indexKey(), tenantId)).then();
	}

	private String key(String tenantId) {
		return this.keyPrefix + tenantId;
	}

	private String indexKey() {
		return this.keyPrefix + "index";
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StoredTenant(String id, String region, String apiBaseUrl, String loginBaseUrl, String clientId,
			String clientSecret, List<String> integrationIds, boolean enabled, int rateLimitPerMinute,
			int rateLimitBurst, @Nullable String updatedAt) {

		static StoredTenant of(Tenant tenant, String encryptedSecret, String now) {
			GenesysRegion region = tenant.region();
			return new StoredTenant(tenant.id(), region.domain(), region.apiBaseUrl(), region.loginBaseUrl(),
					tenant.clientId(), encryptedSecret, tenant.integrationIds(), tenant.enabled(),
					tenant.rateLimit().perMinute(), tenant.rateLimit().burst(), now);
		}

		Tenant toTenant(String secret) {
			return new Tenant(this.id, GenesysRegion.of(this.region, this.apiBaseUrl, this.loginBaseUrl),
					this.clientId, secret, (this.integrationIds != null) ? this.integrationIds : List.of(),
					this.enabled, new RateLimit(this.rateLimitPerMinute, this.rateLimitBurst));
		}

	}

}
