package io.genesysbridge.backend.resilience;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.retry.RetryTemplate;

/**
 * Builds the binder retry template of a consumer binding from that binding's own consumer
 * properties ({@code max-attempts}, {@code back-off-*}, {@code retryable-exceptions}), with the
 * classifier deciding what is retried, jitter, Retry-After, and retry/dead-letter metrics.
 *
 * <p>
 * Each consumer binding declares its template as a {@code @StreamRetryTemplate} bean and names
 * it in {@code retry-template-name}; a binding that names none would silently get another
 * binding's template.
 */
public class BinderRetryTemplates {

	private final BindingServiceProperties bindings;

	private final ErrorClassifier classifier;

	private final RetryProperties retry;

	private final MeterRegistry registry;

	BinderRetryTemplates(BindingServiceProperties bindings, ErrorClassifier classifier, RetryProperties retry,
			MeterRegistry registry) {
		this.bindings = bindings;
		this.classifier = classifier;
		this.retry = retry;
		this.registry = registry;
	}

	/**
	 * @param bindingName a consumer binding, e.g. {@code inbound-in-0}
	 * @return its retry template
	 */
	public RetryTemplate forBinding(String bindingName) {
		ConsumerProperties consumer = this.bindings.getConsumerProperties(bindingName);
		ClassifyingRetryPolicy.RetrySchedule schedule = new ClassifyingRetryPolicy.RetrySchedule(
				Math.max(0, consumer.getMaxAttempts() - 1), Duration.ofMillis(consumer.getBackOffInitialInterval()),
				consumer.getBackOffMultiplier(), Duration.ofMillis(consumer.getBackOffMaxInterval()),
				this.retry.jitter());
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(
				new ClassifyingRetryPolicy(this.classifier, consumer.getRetryableExceptions(), schedule));
		template.setRetryListener(new RetryMetricsListener(this.registry, this.classifier, bindingName));
		return template;
	}

}
