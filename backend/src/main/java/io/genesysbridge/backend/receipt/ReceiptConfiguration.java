package io.genesysbridge.backend.receipt;

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
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.resilience.BinderRetryTemplates;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * The {@code receipts} stream consumer: {@code genesys-status-processed} → Genesys receipts.
 * Imperative, like {@code inbound}, so binder retry and the DLQ apply to each status event; a
 * failure is classified, counted and written onto the dead-letter headers before it is rethrown
 * to the binder. Also provides the {@link AgentMessageMemory} the webhook writes to.
 */
@Configuration(proxyBeanMethods = false)
class ReceiptConfiguration {

	private static final Log logger = LogFactory.getLog(ReceiptConfiguration.class);

	/** The consumer binding of {@code genesys-status-processed}. */
	static final String BINDING = "receipts-in-0";

	@Bean
	@StreamRetryTemplate
	RetryTemplate receiptsRetryTemplate(BinderRetryTemplates templates) {
		return templates.forBinding(BINDING);
	}

	@Bean
	AgentMessageMemory agentMessageMemory(ReactiveStringRedisTemplate redis, JsonMapper json,
			ReceiptProperties properties) {
		return new AgentMessageMemory(redis, json, properties);
	}

	@Bean
	ReceiptMetrics receiptMetrics(MeterRegistry registry) {
		return new ReceiptMetrics(registry);
	}

	@Bean
	ReceiptProcessor receiptProcessor(JsonMapper json, Clock clock, TenantDirectory tenants, AgentMessageMemory memory,
			ReactiveStringRedisTemplate redis, GenesysClient genesys, ReceiptProperties properties,
			ReceiptMetrics metrics) {
		return new ReceiptProcessor(new StatusEventParser(json, clock), tenants, memory,
				new ReceiptProgress(redis, properties), genesys, properties, metrics);
	}

	@Bean
	Consumer<Message<byte[]>> receipts(ReceiptProcessor processor, ErrorClassifier classifier, ReceiptMetrics metrics,
			Clock clock) {
		return (message) -> {
			try {
				processor.process(message.getPayload());
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

	private static void countAndLog(ReceiptMetrics metrics, Classification classification, Message<byte[]> message) {
		if (classification.isTransient()) {
			metrics.failed(classification.reason());
			var attempt = StaticMessageHeaderAccessor.getDeliveryAttempt(message);
			logger.info("Attempt " + ((attempt != null) ? attempt.get() : 1) + " of a receipt for "
					+ LogContext.describe() + " failed (" + classification.reason() + "); binder retry takes over");
		}
		else {
			metrics.rejected(classification.reason());
			logger.warn("Dead-lettering a status event for " + LogContext.describe() + ": " + classification.reason()
					+ " (permanent, not retried)");
		}
	}

}
