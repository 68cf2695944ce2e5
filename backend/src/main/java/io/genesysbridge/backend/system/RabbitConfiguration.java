package io.genesysbridge.backend.system;

import java.time.Duration;

import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	ProducerMessageHandlerCustomizer<AmqpOutboundEndpoint> waitForPublisherConfirms() {
		return (handler, destination) -> {
			handler.setWaitForConfirm(true);
			handler.setConfirmTimeout(CONFIRM_TIMEOUT.toMillis());
		};
	}

}
