package io.genesysbridge.backend.ordering;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.system.QueueTypeProperties;

/**
 * Wires the ordering gate (always: workers honour numbered messages) and, unless ordering is
 * switched off, the sequencer's listener container on the contract queue. The container starts
 * in the last lifecycle phase, after the work queue's binding, and stops first.
 */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

	@Bean
	OrderingGate orderingGate(ReactiveStringRedisTemplate redis, OrderingProperties properties) {
		return new OrderingGate(redis, properties);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "app.ordering.enabled", matchIfMissing = true)
	ContractQueueDeclarer contractQueueDeclarer(ConnectionFactory connectionFactory,
			@Value("${app.queues.inbound}") String inboundQueue, QueueTypeProperties queueTypes) {
		return new ContractQueueDeclarer(connectionFactory, inboundQueue, queueTypes);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "app.ordering.enabled", matchIfMissing = true)
	SimpleMessageListenerContainer sequencerContainer(ConnectionFactory connectionFactory, OrderingGate gate,
			JsonMapper json, OrderingProperties properties, MeterRegistry registry,
			@Value("${app.queues.inbound}") String inboundQueue, @Value("${app.queues.work}") String workQueue) {
		RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
		rabbit.setMandatory(true);
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(inboundQueue);
		// One active sequencer: exclusive on a classic queue; a quorum queue ignores exclusivity and
		// needs x-single-active-consumer instead (ContractQueueDeclarer declares or checks it).
		container.setExclusive(true);
		container.setConcurrentConsumers(1);
		container.setPrefetchCount(properties.prefetch());
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setConsumerBatchEnabled(true);
		container.setBatchSize(properties.batchSize());
		// batch-wait bounds the whole batch, not only the gap between two messages: with only a
		// receive timeout, messages arriving a little faster than one per batch-wait kept a batch
		// open until it was full (100 messages at 500 msg/s: up to 200 ms for the first).
		long batchWait = Math.max(1, properties.batchWait().toMillis());
		container.setReceiveTimeout(batchWait);
		container.setBatchReceiveTimeout(batchWait);
		container.setMissingQueuesFatal(false);
		container.setPhase(Integer.MAX_VALUE);
		container.setExclusiveConsumerExceptionLogger((log, message, cause) -> log
			.debug("Another replica is the active sequencer; standing by"));
		container.setMessageListener(new SequenceRouter(gate, rabbit, json, workQueue, properties, registry));
		return container;
	}

}
