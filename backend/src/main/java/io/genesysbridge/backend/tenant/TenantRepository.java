package io.genesysbridge.backend.tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Tenant records in Redis: one JSON document per tenant at {@code <keyPrefix><tenantId>} with
 * the client secret and the webhook secrets AES-GCM encrypted, the set {@code <keyPrefix>index}
 * of tenant ids, and one key {@code <keyPrefix>integration:<integrationId>} per integration
 * naming the tenant that owns it (how a Genesys webhook finds its tenant). Shared by every
 * processor replica and the console.
 *
 * <p>
 * An integration belongs to one tenant: saving a tenant that names an integration indexed for
 * another tenant moves the integration and logs a warning.
 */
public class TenantRepository {

	private static final Log logger = LogFactory.getLog(TenantRepository.class);

	private static final RedisScript<Long> DELETE_IF_EQUAL = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

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
	 * Creates or replaces a tenant and re-indexes its integrations.
	 * @param tenant the tenant, secrets in clear
	 * @return completion
	 */
	public Mono<Void> save(Tenant tenant) {
		StoredTenant stored = StoredTenant.of(tenant, this.cipher.encrypt(tenant.clientSecret(), tenant.id()),
				encryptWebhookSecrets(tenant), this.clock.instant().toString());
		String document = this.json.writeValueAsString(stored);
		return storedIntegrations(tenant.id())
			.flatMapMany((old) -> Flux.fromIterable(old).filter((id) -> !tenant.ownsIntegration(id)))
			.concatMap((removed) -> unindex(removed, tenant.id()))
			.then(this.redis.opsForValue().set(key(tenant.id()), document))
			.thenMany(Flux.fromIterable(tenant.integrationIds()))
			.concatMap((integrationId) -> index(integrationId, tenant.id()))
			.then(this.redis.opsForSet().add(indexKey(), tenant.id()))
			.then();
	}

	/**
	 * @param tenantId a tenant id
	 * @return the tenant with its secrets decrypted, or empty if unknown
	 */
	public Mono<Tenant> find(String tenantId) {
		return this.redis.opsForValue()
			.get(key(tenantId))
			.map((document) -> this.json.readValue(document, StoredTenant.class))
			.map((stored) -> stored.toTenant(this.cipher.decrypt(stored.clientSecret(), stored.id()),
					decryptWebhookSecrets(stored)));
	}

	/**
	 * @param integrationId an Open Messaging integration id
	 * @return the id of the tenant indexed as its owner, or empty if none; the caller checks
	 * that the tenant still owns it
	 */
	public Mono<String> tenantIdOfIntegration(String integrationId) {
		return this.redis.opsForValue().get(integrationKey(integrationId));
	}

	/**
	 * @return every known tenant id
	 */
	public Flux<String> ids() {
		return this.redis.opsForSet().members(indexKey());
	}

	/**
	 * @param tenantId tenant to remove, with its integration index entries
	 * @return completion
	 */
	public Mono<Void> delete(String tenantId) {
		return storedIntegrations(tenantId).flatMapMany(Flux::fromIterable)
			.concatMap((integrationId) -> unindex(integrationId, tenantId))
			.then(this.redis.delete(key(tenantId)))
			.then(this.redis.opsForSet().remove(indexKey(), tenantId))
			.then();
	}

	private Mono<List<String>> storedIntegrations(String tenantId) {
		return this.redis.opsForValue()
			.get(key(tenantId))
			.map((document) -> this.json.readValue(document, StoredTenant.class))
			.map((stored) -> (stored.integrationIds() != null) ? stored.integrationIds() : List.<String>of())
			.defaultIfEmpty(List.of());
	}

	private Mono<Void> index(String integrationId, String tenantId) {
		return this.redis.opsForValue().getAndSet(integrationKey(integrationId), tenantId).doOnNext((previous) -> {
			if (!previous.equals(tenantId)) {
				logger.warn("Integration " + integrationId + " moved from tenant " + previous + " to tenant " + tenantId);
			}
		}).then();
	}

	private Mono<Void> unindex(String integrationId, String tenantId) {
		return this.redis.execute(DELETE_IF_EQUAL, List.of(integrationKey(integrationId)), List.of(tenantId)).then();
	}

	private Map<String, StoredWebhookSecret> encryptWebhookSecrets(Tenant tenant) {
		Map<String, StoredWebhookSecret> stored = new LinkedHashMap<>();
		tenant.webhookSecrets().forEach((integrationId, secret) -> {
			String aad = webhookAssociatedData(tenant.id(), integrationId);
			String previous = (secret.previous() != null) ? this.cipher.encrypt(secret.previous(), aad) : null;
			stored.put(integrationId, new StoredWebhookSecret(this.cipher.encrypt(secret.current(), aad), previous,
					(secret.previousValidUntil() != null) ? secret.previousValidUntil().toString() : null));
		});
		return stored;
	}

	private Map<String, WebhookSecret> decryptWebhookSecrets(StoredTenant stored) {
		Map<String, WebhookSecret> secrets = new LinkedHashMap<>();
		if (stored.webhookSecrets() == null) {
			return secrets;
		}
		stored.webhookSecrets().forEach((integrationId, secret) -> {
			String aad = webhookAssociatedData(stored.id(), integrationId);
			secrets.put(integrationId,
					new WebhookSecret(this.cipher.decrypt(secret.current(), aad),
							(secret.previous() != null) ? this.cipher.decrypt(secret.previous(), aad) : null,
							(secret.previousValidUntil() != null) ? Instant.parse(secret.previousValidUntil())
									: null));
		});
		return secrets;
	}

	/** Binds a webhook secret to its tenant and integration, so it cannot be moved to another. */
	private static String webhookAssociatedData(String tenantId, String integrationId) {
		return tenantId + "/webhook/" + integrationId;
	}

	private String key(String tenantId) {
		return this.keyPrefix + tenantId;
	}

	private String indexKey() {
		return this.keyPrefix + "index";
	}

	private String integrationKey(String integrationId) {
		return this.keyPrefix + "integration:" + integrationId;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StoredTenant(String id, String region, String apiBaseUrl, String loginBaseUrl, String clientId,
			String clientSecret, List<String> integrationIds, boolean enabled, int rateLimitPerMinute,
			int rateLimitBurst, @Nullable Map<String, StoredWebhookSecret> webhookSecrets, @Nullable String updatedAt) {

		static StoredTenant of(Tenant tenant, String encryptedSecret, Map<String, StoredWebhookSecret> webhookSecrets,
				String now) {
			GenesysRegion region = tenant.region();
			return new StoredTenant(tenant.id(), region.domain(), region.apiBaseUrl(), region.loginBaseUrl(),
					tenant.clientId(), encryptedSecret, tenant.integrationIds(), tenant.enabled(),
					tenant.rateLimit().perMinute(), tenant.rateLimit().burst(),
					webhookSecrets.isEmpty() ? null : webhookSecrets, now);
		}

		Tenant toTenant(String secret, Map<String, WebhookSecret> webhookSecrets) {
			return new Tenant(this.id, GenesysRegion.of(this.region, this.apiBaseUrl, this.loginBaseUrl),
					this.clientId, secret, (this.integrationIds != null) ? this.integrationIds : List.of(),
					this.enabled, new RateLimit(this.rateLimitPerMinute, this.rateLimitBurst), webhookSecrets);
		}

	}

	/**
	 * A webhook secret at rest: both secrets encrypted, bound to tenant and integration.
	 *
	 * @param current encrypted current secret
	 * @param previous encrypted previous secret, or null
	 * @param previousValidUntil ISO-8601 end of the rotation window, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StoredWebhookSecret(String current, @Nullable String previous, @Nullable String previousValidUntil) {
	}

}
