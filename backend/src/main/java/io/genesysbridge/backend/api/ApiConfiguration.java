package io.genesysbridge.backend.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Wires what the API controllers share: tenant resolution and the mapping of failures to
 * answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	TenantResolver apiTenantResolver(TenantDirectory directory) {
		return new TenantResolver(directory);
	}

	@Bean
	FailureResponses apiFailureResponses(ErrorClassifier classifier) {
		return new FailureResponses(classifier);
	}

}
