package io.genesysbridge.backend.dedupe;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Wires the dedupe store.
 */
@Configuration(proxyBeanMethods = false)
class DedupeConfiguration {

	@Bean
	DedupeStore dedupeStore(ReactiveStringRedisTemplate redis, DedupeProperties properties, MeterRegistry registry) {
		return new DedupeStore(redis, properties, registry);
	}

}
