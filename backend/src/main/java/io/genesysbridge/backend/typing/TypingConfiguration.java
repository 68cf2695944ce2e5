package io.genesysbridge.backend.typing;

import java.time.Clock;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.inbound.InboundProperties;
import io.genesysbridge.backend.resilience.BinderRetryTemplates;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * The {@code typing} stream consumer: {@code genesys-typing-events} → Genesys typing events.
 * Imperative, like {@code inbound}, so binder retry and the DLQ apply to each event. The
 * default {@code idType} is the inbound one ({@code app.inbound.default-id-type}), so a typing
 * event names the customer exactly as their messages do and lands in the same conversation.
 */
@Configuration(proxyBeanMethods = false)
class TypingConfiguration {

	private static final Log logger = LogFactory.getLog(TypingConfiguration.class);

	/** The consumer binding of {@code genesys-typing-events}. */
	static final String BINDING = "typing-in-0";

	@Bean
	@StreamRetryTemplate
	RetryTemplate typingRetryTemplate(BinderRetryTemplates templates) {
		return templates.forBinding(BINDING);
	}

	@Bean
	TypingMetrics typingMetrics(MeterRegistry registry) {
		return new TypingMetrics(registry);
	}

	@Bean
	TypingProcessor typingProcessor(JsonMapper json, InboundProperties inbound, TenantDirectory tenants,
			GenesysClient genesys, TypingProperties properties, TypingMetrics metrics, Clock clock) {
		return new TypingProcessor(new TypingEventParser(json, inbound.defaultIdType(), clock), tenants, genesys,
				properties, metrics, clock);
	}

	@Bean
	Consumer<Message<byte[]>> typing(TypingProcessor processor, ErrorClassifier classifier, TypingMetrics metrics,
			Clock clock) {
		return (message) -> {
			try {
				processor.process(message.getPayload());
			}
			catch (RuntimeException failure) {
				Classification classification = classifier.classify(failure);
				if (classification.isTransient()) {
					metrics.failed(classification.reason());
					logger.info("A typing event failed (" + classification.reason() + "); binder retry takes over");
				}
				else {
					metrics.rejected(classification.reason());
					logger.warn("Dead-lettering a typing event: " + classification.reason() + " (permanent)");
				}
				DeadLetterHeaders.record(message, classification, failure, clock.instant());
				throw failure;
			}
			finally {
				LogContext.clear();
			}
		};
	}

}
