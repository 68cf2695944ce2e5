package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.dedupe.DedupeStore;
import io.genesysbridge.backend.deferral.Deferrer;
import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.ordering.OrderingGate;
import io.genesysbridge.backend.pause.TenantPauses;
import io.genesysbridge.backend.resilience.BinderRetryTemplates;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * The {@code inbound} stream function: work queue → Genesys → {@code correlation-events}.
 * Imperative on purpose, so the binder's retry, error channel and DLQ apply to each message. It
 * turns the processor's {@link Outcome} into a published event, nothing, or a deferral; a failure
 * is classified, counted and written onto the message's dead-letter headers before it is
 * rethrown to the binder. Once a message reaches a final outcome (delivered, duplicate,
 * dead-lettered) the next message of its conversation may go. A message's age is recorded when
 * the function first sees it.
 */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

	/** The consumer binding of the work queue. */
	static final String BINDING = "inbound-in-0";

	private static final Log logger = LogFactory.getLog(InboundConfiguration.class);

	@Bean
	@StreamRetryTemplate
	RetryTemplate inboundRetryTemplate(BinderRetryTemplates templates) {
		return templates.forBinding(BINDING);
	}

	@Bean
	InboundMetrics inboundMetrics(MeterRegistry registry, @Value("${app.queues.inbound}") String inboundQueue) {
		return new InboundMetrics(registry, inboundQueue);
	}

	@Bean
	Turns turns(OrderingGate gate, Clock clock, MeterRegistry registry) {
		return new Turns(gate, clock, registry);
	}

	@Bean
	InboundProcessor inboundProcessor(JsonMapper json, TenantDirectory tenants, DedupeStore dedupe,
			GenesysClient genesys, InboundProperties properties, InboundMetrics metrics, Clock clock, Turns turns,
			TenantPauses pauses) {
		return new InboundProcessor(new InboundValidator(json, properties.defaultIdType()), tenants, dedupe, genesys,
				properties, metrics, clock, turns, new Holds(pauses));
	}

	@Bean
	Function<Message<byte[]>, Message<CorrelationEvent>> inbound(InboundProcessor processor, Deferrer deferrer,
			ErrorClassifier classifier, InboundMetrics metrics, Clock clock, Turns turns,
			BindingServiceProperties bindings, JsonMapper json) {
		int maxAttempts = bindings.getConsumerProperties(BINDING).getMaxAttempts();
		RawEnvelope envelope = new RawEnvelope(json);
		return (message) -> {
			recordAge(message, envelope, metrics, clock);
			try {
				return apply(processor.process(message), message, turns, deferrer, envelope, metrics);
			}
			catch (RuntimeException failure) {
				Classification classification = classifier.classify(failure);
				if (!classification.isTransient() || attempt(message) >= maxAttempts) {
					turns.done(message);
				}
				countAndLog(metrics, classification, message);
				DeadLetterHeaders.record(message, classification, failure, clock.instant());
				throw failure;
			}
			finally {
				LogContext.clear();
			}
		};
	}

	private static void recordAge(Message<byte[]> message, RawEnvelope envelope, InboundMetrics metrics,
			Clock clock) {
		if (RawEnvelope.isFirstArrival(message)) {
			Instant sentAt = envelope.sentAt(message);
			if (sentAt != null) {
				metrics.age(Duration.between(sentAt, clock.instant()));
			}
		}
	}

	private static @Nullable Message<CorrelationEvent> apply(Outcome outcome, Message<byte[]> message, Turns turns,
			Deferrer deferrer, RawEnvelope envelope, InboundMetrics metrics) {
		return switch (outcome) {
			case Outcome.Publish publish -> {
				turns.done(message);
				yield InboundProcessor.toMessage(publish.event());
			}
			case Outcome.Nothing nothing -> {
				turns.done(message);
				yield null;
			}
			case Outcome.Defer defer -> {
				String tenantId = envelope.tenantId(message);
				Duration tier = (defer.delay() != null)
						? deferrer.defer(message, defer.delay(), defer.reason(), tenantId)
						: deferrer.deferGrowing(message, defer.reason(), tenantId, defer.growthLimit());
				if (!Turns.REASON.equals(defer.reason())) {
					turns.deferred(message, tier);
				}
				metrics.deferred(defer.reason());
				if (logger.isDebugEnabled()) {
					logger.debug("Deferred " + LogContext.describe() + " (" + defer.reason() + ")");
				}
				yield null;
			}
		};
	}

	private static int attempt(Message<?> message) {
		var attempt = StaticMessageHeaderAccessor.getDeliveryAttempt(message);
		return (attempt != null) ? attempt.get() : 1;
	}

	private static void countAndLog(InboundMetrics metrics, Classification classification, Message<byte[]> message) {
		if (classification.isTransient()) {
			metrics.failed(classification.reason());
			logger.info("Attempt " + attempt(message) + " of " + LogContext.describe() + " failed ("
					+ classification.reason() + "); binder retry takes over");
		}
		else {
			metrics.rejected(classification.reason());
			logger.warn("Dead-lettering " + LogContext.describe() + ": " + classification.reason()
					+ " (permanent, not retried)");
		}
	}

}
