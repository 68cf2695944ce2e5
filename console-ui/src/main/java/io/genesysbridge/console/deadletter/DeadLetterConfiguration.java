package io.genesysbridge.console.deadletter;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the dead-letter store, the DLQ consumer (manual acknowledgement, one consumer,
 * never declaring the DLQ: the processor's binder owns its arguments) and retention.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

	@Bean
	DeadLetterStore deadLetterStore(StringRedisTemplate redis, DeadLetterProperties properties, JsonMapper json,
			Clock clock) {
		return new DeadLetterStore(redis, properties, json, clock);
	}

	@Bean
	SimpleMessageListenerContainer deadLetterIngestion(ConnectionFactory connectionFactory, DeadLetterStore store,
			DeadLetterProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(properties.queue());
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setPrefetchCount(properties.ingest().prefetch());
		container.setConcurrentConsumers(1);
		// Until the processor has declared the DLQ, retry quietly in the background
		// instead of
		// holding up the console's start-up.
		container.setMissingQueuesFatal(false);
		container.setDeclarationRetries(0);
		container.setDefaultRequeueRejected(true);
		container.setAutoStartup(properties.ingest().enabled());
		container.setMessageListener(
				new DeadLetterIngester(new DeadLetterParser(json, properties, clock), store, properties, meters));
		return container;
	}

	@Bean
	PayloadMasker payloadMasker(JsonMapper json) {
		return new PayloadMasker(json);
	}

	@Bean
	DeadLetterRetention deadLetterRetention(DeadLetterStore store) {
		return new DeadLetterRetention(store);
	}

}
