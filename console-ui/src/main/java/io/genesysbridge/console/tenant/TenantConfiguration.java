package io.genesysbridge.console.tenant;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires tenant records, rate-limit readings and pauses.
 */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

	@Bean
	TenantStore tenantStore(StringRedisTemplate redis, TenantProperties properties, JsonMapper json, Clock clock) {
		return new TenantStore(redis, properties, json, clock);
	}

	@Bean
	RateLimitReader rateLimitReader(StringRedisTemplate redis, TenantProperties properties) {
		return new RateLimitReader(redis, properties);
	}

	@Bean
	TenantPauses tenantPauses(StringRedisTemplate redis, TenantProperties properties, Clock clock) {
		return new TenantPauses(redis, properties, clock);
	}

}
