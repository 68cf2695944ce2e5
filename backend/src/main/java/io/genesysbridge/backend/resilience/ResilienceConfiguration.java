package io.genesysbridge.backend.resilience;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;

/**
 * Wires the classifier and the binder retry template built from the inbound binding's own
 * consumer properties, so operators tune retry purely in binder configuration.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	/** Bean name referenced by {@code retry-template-name} of the consumer bindings. */
	static final String BINDER_RETRY_TEMPLATE = "binderRetryTemplate";

	/** The binding whose consumer properties define attempts and back-off. */
	static final String INBOUND_BINDING = "inbound-in-0";

	@Bean
	ErrorClassifier errorClassifier() {
		return new ErrorClassifier();
	}

	@Bean(BINDER_RETRY_TEMPLATE)
	@StreamRetryTemplate
	RetryTemplate binderRetryTemplate(BindingServiceProperties bindings, ErrorClassifier classifier,
			RetryProperties retry, MeterRegistry registry) {
		ConsumerProperties consumer = bindings.getConsumerProperties(INBOUND_BINDING);
		ClassifyingRetryPolicy.RetrySchedule schedule = new ClassifyingRetryPolicy.RetrySchedule(
				Math.max(0, consumer.getMaxAttempts() - 1), Duration.ofMillis(consumer.getBackOffInitialInterval()),
				consumer.getBackOffMultiplier(), Duration.ofMillis(consumer.getBackOffMaxInterval()), retry.jitter());
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(new ClassifyingRetryPolicy(classifier, consumer.getRetryableExceptions(), schedule));
		template.setRetryListener(new RetryMetricsListener(registry, classifier));
		return template;
	}

}
