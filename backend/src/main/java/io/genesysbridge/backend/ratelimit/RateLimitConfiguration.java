package io.genesysbridge.backend.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.system.TenantTags;

/**
 * Registers the rate-limit guard around every Genesys call.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	@Bean
	RateLimitGuard rateLimitGuard(ReactiveStringRedisTemplate redis, RateLimitProperties properties,
			MeterRegistry registry, TenantTags tenantTags) {
		return new RateLimitGuard(new GcraLimiter(redis), properties, registry, tenantTags);
	}

}
