package io.genesysbridge.backend.system;

import java.time.Duration;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;

/**
 * Makes every stream producer wait for the broker's publisher confirm before the listener
 * thread goes on, so an input message is acknowledged only after its output (for instance the
 * correlation event) is safely in RabbitMQ. A nack, a return or no confirm within the timeout
 * fails the attempt, and binder retry takes over.
 */
@Configuration(proxyBeanMethods = false)
class RabbitConfiguration {

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Runs stream consumers on virtual threads: each consumer waits for Redis and Genesys on its
	 * own thread, so hundreds of messages can be in flight ({@code concurrency}) without
	 * hundreds of platform threads.
	 */
	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer> virtualThreadConsumers() {
		return (container, destination, group) -> {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("consumer-" + destination + "-");
			executor.setVirtualThreads(true);
			container.setTaskExecutor(executor);
		};
	}

	@Bean
	ProducerMessageHandlerCustomizer<AmqpOutboundEndpoint> waitForPublisherConfirms() {
		return (handler, destination) -> {
			handler.setWaitForConfirm(true);
			handler.setConfirmTimeout(CONFIRM_TIMEOUT.toMillis());
		};
	}

}
