package io.genesysbridge.backend.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

/**
 * Counts binder retries and the messages handed to the dead-letter queue, by reason: the binder
 * republishes a message to the DLQ exactly when its retry policy gives up.
 */
final class RetryMetricsListener implements RetryListener {

	private static final Log logger = LogFactory.getLog(RetryMetricsListener.class);

	static final String RETRIES = "genesysbridge.messages.retries";

	static final String DEAD_LETTERED = "genesysbridge.messages.dead.lettered";

	private final MeterRegistry registry;

	private final ErrorClassifier classifier;

	private final String binding;

	private final Counter retries;

	RetryMetricsListener(MeterRegistry registry, ErrorClassifier classifier, String binding) {
		this.registry = registry;
		this.classifier = classifier;
		this.binding = binding;
		this.retries = Counter.builder(RETRIES)
			.description("Binder retry attempts of consumed messages after a transient failure")
			.tag("binding", binding)
			.register(registry);
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
		this.retries.increment();
	}

	@Override
	public void onRetryPolicyExhaustion(RetryPolicy retryPolicy, Retryable<?> retryable, RetryException exception) {
		Classification classification = this.classifier.classify(exception.getLastException());
		if (classification.isTransient()) {
			logger.warn("Retries exhausted on " + this.binding + " after " + (exception.getRetryCount() + 1)
					+ " attempts (" + classification.reason() + "); dead-lettering the message");
		}
		Counter.builder(DEAD_LETTERED)
			.description("Consumed messages sent to the dead-letter queue, by failure reason")
			.tag("binding", this.binding)
			.tag("reason", classification.reason())
			.tag("failure_class", classification.failureClass().name().toLowerCase(java.util.Locale.ROOT))
			.register(this.registry)
			.increment();
	}

}
