package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.dedupe.DedupeStore;
import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.resilience.BinderRetryTemplates;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * The {@code inbound} stream function: {@code genesys.outbound.ready} → Genesys →
 * {@code correlation-events}. Imperative on purpose, so the binder's retry, error channel and DLQ
 * apply to each message. A failure is classified, counted and written onto the message's
 * dead-letter headers before it is rethrown to the binder.
 */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

	private static final Log logger = LogFactory.getLog(InboundConfiguration.class);

	/** The consumer binding of {@code genesys.outbound.ready}. */
	static final String BINDING = "inbound-in-0";

	@Bean
	@StreamRetryTemplate
	RetryTemplate inboundRetryTemplate(BinderRetryTemplates templates) {
		return templates.forBinding(BINDING);
	}

	@Bean
	InboundMetrics inboundMetrics(MeterRegistry registry) {
		return new InboundMetrics(registry);
	}

	@Bean
	InboundProcessor inboundProcessor(JsonMapper json, TenantDirectory tenants, DedupeStore dedupe,
			GenesysClient genesys, InboundProperties properties, InboundMetrics metrics, Clock clock) {
		return new InboundProcessor(new InboundValidator(json, properties.defaultIdType()), tenants, dedupe, genesys,
				properties, metrics, clock);
	}

	@Bean
	Function<Message<byte[]>, Message<CorrelationEvent>> inbound(InboundProcessor processor,
			ErrorClassifier classifier, InboundMetrics metrics, Clock clock) {
		return (message) -> {
			try {
				return processor.process(message);
			}
			catch (RuntimeException failure) {
				Classification classification = classifier.classify(failure);
				countAndLog(metrics, classification, message);
				DeadLetterHeaders.record(message, classification, failure, clock.instant());
				throw failure;
			}
			finally {
				LogContext.clear();
			}
		};
	}

	private static void countAndLog(InboundMetrics metrics, Classification classification, Message<byte[]> message) {
		if (classification.isTransient()) {
			metrics.failed(classification.reason());
			var attempt = StaticMessageHeaderAccessor.getDeliveryAttempt(message);
			logger.info("Attempt " + ((attempt != null) ? attempt.get() : 1) + " of " + LogContext.describe()
					+ " failed (" + classification.reason() + "); binder retry takes over");
		}
		else {
			metrics.rejected(classification.reason());
			logger.warn("Dead-lettering " + LogContext.describe() + ": " + classification.reason()
					+ " (permanent, not retried)");
		}
	}

}
