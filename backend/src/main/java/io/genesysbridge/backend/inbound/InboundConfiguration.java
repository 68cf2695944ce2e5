package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.dedupe.DedupeStore;
import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * The {@code inbound} stream function: {@code genesys.outbound.ready} → Genesys →
 * {@code correlation-events}. Imperative on purpose, so the binder's retry, error channel and DLQ
 * apply to each message. A failure is classified, counted and written onto the message's
 * dead-letter headers before it is rethrown to the binder.
 */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

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
				if (classification.isTransient()) {
					metrics.failed(classification.reason());
				}
				else {
					metrics.rejected(classification.reason());
				}
				DeadLetterHeaders.record(message, classification, failure, clock.instant());
				throw failure;
			}
		};
	}

}
