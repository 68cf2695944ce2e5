package io.genesysbridge.backend.tenant;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Wires tenant storage and seeds configured tenants before any consumer starts, so the first
 * message of a seeded tenant never meets an empty Redis.
 */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

	private static final Log logger = LogFactory.getLog(TenantConfiguration.class);

	private static final Duration SEED_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	TenantRepository tenantRepository(ReactiveStringRedisTemplate redis, JsonMapper json,
			TenantProperties properties, Clock clock) {
		return new TenantRepository(redis, json, SecretCipher.fromBase64(properties.encryptionKey()),
				properties.keyPrefix(), clock);
	}

	@Bean
	TenantDirectory tenantDirectory(TenantRepository repository, TenantProperties properties) {
		return new TenantDirectory(repository, properties.cacheTtl());
	}

	@Bean
	SmartInitializingSingleton tenantSeeder(TenantRepository repository, TenantProperties properties) {
		return () -> {
			for (TenantProperties.Seed seed : properties.seed()) {
				repository.save(seed.toTenant()).block(SEED_TIMEOUT);
				logger.info("Seeded tenant " + seed.id() + " (region " + seed.region() + ", "
						+ seed.integrationIds().size() + " integration(s), " + seed.webhookSecrets().size()
						+ " webhook secret(s))");
			}
		};
	}

}
