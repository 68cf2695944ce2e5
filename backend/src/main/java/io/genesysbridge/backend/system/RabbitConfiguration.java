package io.genesysbridge.backend.system;

import java.time.Duration;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.messaging.MessageHandler;

/**
 * Makes every stream producer wait for the broker's publisher confirm before the listener
 * thread goes on, so an input message is acknowledged only after its output (for instance the
 * correlation event) is safely in RabbitMQ. A nack, a return or no confirm within the timeout
 * fails the attempt, and binder retry takes over. Runs the consumers on virtual threads and
 * drains them on shutdown.
 *
 * <p>
 * The customizers are typed exactly as the Rabbit binder injects them
 * ({@code ListenerContainerCustomizer<MessageListenerContainer>},
 * {@code ProducerMessageHandlerCustomizer<MessageHandler>}): Spring matches nested generics
 * exactly, so a customizer declared for a subtype is silently never applied.
 *
 * <p>
 * Tracing needs nothing here: the Rabbit binder itself turns on Spring AMQP observation for
 * every consumer container (after these customizers) and every producer template whenever an
 * {@code ObservationRegistry} bean exists, which the actuator always provides. A consumed
 * message's W3C {@code traceparent} header therefore opens the span its processing runs in,
 * and every published message gets a {@code traceparent} of that span (see "Tracing" in
 * docs/operations-runtime.md).
 */
@Configuration(proxyBeanMethods = false)
class RabbitConfiguration {

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Runs stream consumers on virtual threads: each consumer waits for Redis and Genesys on its
	 * own thread, so hundreds of messages can be in flight ({@code concurrency}) without
	 * hundreds of platform threads. Every container is drained by {@link ConsumerDrain} on
	 * shutdown.
	 */
	@Bean
	ListenerContainerCustomizer<MessageListenerContainer> virtualThreadConsumers(ConsumerDrain drain) {
		return (container, destination, group) -> {
			if (container instanceof AbstractMessageListenerContainer listener) {
				SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("consumer-" + destination + "-");
				executor.setVirtualThreads(true);
				listener.setTaskExecutor(executor);
				drain.manage(listener);
			}
		};
	}

	@Bean
	ConsumerDrain consumerDrain(ShutdownProperties properties) {
		return new ConsumerDrain(properties);
	}

	@Bean
	ProducerMessageHandlerCustomizer<MessageHandler> waitForPublisherConfirms() {
		return (handler, destination) -> {
			if (handler instanceof AmqpOutboundEndpoint endpoint) {
				endpoint.setWaitForConfirm(true);
				endpoint.setConfirmTimeout(CONFIRM_TIMEOUT.toMillis());
			}
		};
	}

}
