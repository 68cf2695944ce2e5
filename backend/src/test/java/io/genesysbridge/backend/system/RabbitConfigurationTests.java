package io.genesysbridge.backend.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.listener.MessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.messaging.MessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * The customizers are found under the exact generic types the Rabbit binder injects (a
 * customizer typed for a subtype is silently never applied), and do what they promise.
 */
class RabbitConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(RabbitConfiguration.class)
		.withBean(ShutdownProperties.class, () -> new ShutdownProperties(Duration.ofSeconds(20)));

	@Test
	void shouldOfferTheListenerContainerCustomizerUnderTheBindersType() {
		this.contexts.run((context) -> {
			String[] names = context.getBeanNamesForType(
					ResolvableType.forClassWithGenerics(ListenerContainerCustomizer.class, MessageListenerContainer.class));
			assertThat(names).containsExactly("virtualThreadConsumers");
			SimpleMessageListenerContainer container = mock(SimpleMessageListenerContainer.class);
			ListenerContainerCustomizer<MessageListenerContainer> customizer = context.getBean(names[0],
					ListenerContainerCustomizer.class);
			customizer.configure(container, "work", "work");
			then(container).should().setTaskExecutor(any(SimpleAsyncTaskExecutor.class));
			then(container).should().setShutdownTimeout(20_000);
		});
	}

	@Test
	void shouldOfferTheConfirmingProducerCustomizerUnderTheBindersType() {
		this.contexts.run((context) -> {
			String[] names = context.getBeanNamesForType(
					ResolvableType.forClassWithGenerics(ProducerMessageHandlerCustomizer.class, MessageHandler.class));
			assertThat(names).containsExactly("waitForPublisherConfirms");
			AmqpOutboundEndpoint endpoint = mock(AmqpOutboundEndpoint.class);
			ProducerMessageHandlerCustomizer<MessageHandler> customizer = context.getBean(names[0],
					ProducerMessageHandlerCustomizer.class);
			customizer.configure(endpoint, "correlation-events");
			then(endpoint).should().setWaitForConfirm(true);
			then(endpoint).should().setConfirmTimeout(5000);
		});
	}

}
