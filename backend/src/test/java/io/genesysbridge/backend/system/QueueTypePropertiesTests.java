package io.genesysbridge.backend.system;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app.queues.type}: bound next to the other {@code app.queues.*} names, classic by
 * default without any argument, quorum with the arguments each kind of queue needs.
 */
class QueueTypePropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Enabled.class)
		.withPropertyValues("app.queues.work=w", "app.queues.typing=t");

	@Test
	void shouldDeclareClassicQueuesWithoutArgumentsByDefault() {
		this.runner.run((context) -> {
			QueueTypeProperties types = context.getBean(QueueTypeProperties.class);
			Queue tier = types.deadLetterAtLeastOnce(types.durable("q").ttl(1000)).build();

			assertThat(types.quorum()).isFalse();
			assertThat(types.durable("q").build().getArguments()).isEmpty();
			assertThat(tier.getArguments()).containsOnlyKeys("x-message-ttl");
			assertThat(types.singleConsumerArguments()).isEmpty();
		});
	}

	@Test
	void shouldDeclareQuorumQueuesWithAtLeastOnceDeadLetteringAndOneActiveConsumer() {
		this.runner.withPropertyValues("app.queues.type=quorum").run((context) -> {
			QueueTypeProperties types = context.getBean(QueueTypeProperties.class);
			Queue tier = types.deadLetterAtLeastOnce(types.durable("q").ttl(1000)).build();

			assertThat(types.quorum()).isTrue();
			assertThat(types.durable("q").build().getArguments()).containsEntry("x-queue-type", "quorum");
			assertThat(tier.getArguments()).containsEntry("x-queue-type", "quorum")
				.containsEntry("x-dead-letter-strategy", "at-least-once")
				.containsEntry("x-overflow", "reject-publish");
			assertThat(types.singleConsumerArguments()).containsEntry("x-queue-type", "quorum")
				.containsEntry("x-single-active-consumer", true);
		});
	}

	@Test
	void shouldRefuseAnUnknownType() {
		this.runner.withPropertyValues("app.queues.type=stream")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QueueTypeProperties.class)
	static class Enabled {

	}

}
