package io.genesysbridge.backend.pause;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Wires tenant pause flags.
 */
@Configuration(proxyBeanMethods = false)
class PauseConfiguration {

	@Bean
	TenantPauses tenantPauses(ReactiveStringRedisTemplate redis, PauseProperties properties, Clock clock) {
		return new TenantPauses(redis, properties, clock);
	}

}
