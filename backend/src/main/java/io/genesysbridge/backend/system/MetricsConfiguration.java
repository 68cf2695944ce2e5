package io.genesysbridge.backend.system;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meter helpers shared by the features: the bounded {@code tenant} tag.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	TenantTags tenantTags(MetricsProperties properties, MeterRegistry registry) {
		return new TenantTags(properties, registry);
	}

}
