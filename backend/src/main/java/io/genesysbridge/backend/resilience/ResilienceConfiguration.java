package io.genesysbridge.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the error classifier and the factory of per-binding binder retry templates.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	ErrorClassifier errorClassifier() {
		return new ErrorClassifier();
	}

	@Bean
	BinderRetryTemplates binderRetryTemplates(BindingServiceProperties bindings, ErrorClassifier classifier,
			RetryProperties retry, MeterRegistry registry) {
		return new BinderRetryTemplates(bindings, classifier, retry, registry);
	}

}
