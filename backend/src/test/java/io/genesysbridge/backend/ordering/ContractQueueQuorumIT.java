package io.genesysbridge.backend.ordering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import io.genesysbridge.backend.ordering.ContractQueueDeclarer.Found;
import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.LocalRabbit;
import io.genesysbridge.backend.system.QueueTypeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract queue under {@code app.queues.type=quorum}, on the real RabbitMQ. Only one
 * sequencer may read it. A classic queue enforces that through the sequencer's exclusive
 * consumer; a quorum queue does not, so the declarer creates it with single active consumer and
 * flags an existing quorum queue without it. With two replicas' exclusive consumers on it, only
 * one receives messages, and the standby takes over when the active one goes away.
 */
class ContractQueueQuorumIT {

	private static final QueueTypeProperties QUORUM = Bound.properties("app.queues", QueueTypeProperties.class,
			"type", "quorum");

	private final String queue = "test-" + UUID.randomUUID() + ".ready";

	private final LocalRabbit rabbit = LocalRabbit.connect();

	@AfterEach
	void cleanUp() {
		this.rabbit.close();
	}

	@Test
	void shouldDeclareAMissingQueueWithOneActiveConsumerWhomAStandbyReplaces() throws Exception {
		this.rabbit.deleteOnClose(this.queue);

		assertThat(declarer(QUORUM).declareOrInspect()).isEqualTo(Found.DECLARED);

		Queue declared = new Queue(this.queue, true, false, false, Map.of("x-queue-type", "quorum",
				"x-single-active-consumer", true));
		assertThat(this.rabbit.typeOf(declared)).isEqualTo("quorum");
		assertThat(this.rabbit.refusal(this.queue, declared.getArguments())).isEmpty();
		assertThat(declarer(QUORUM).declareOrInspect()).isEqualTo(Found.EXISTING);
		try (Connection connection = this.rabbit.connectionFactory().getRabbitConnectionFactory().newConnection()) {
			Sequencer active = new Sequencer(connection, this.queue);
			Sequencer standby = new Sequencer(connection, this.queue);
			publish("m1", "m2", "m3");
			await().atMost(Duration.ofSeconds(10)).until(() -> active.received.size() == 3);
			assertThat(standby.received).isEmpty();

			active.channel.close();
			publish("m4", "m5");

			await().atMost(Duration.ofSeconds(10)).until(() -> standby.received.size() == 2);
			assertThat(standby.received).containsExactly("m4", "m5");
			assertThat(active.received).containsExactly("m1", "m2", "m3");
		}
	}

	@Test
	void shouldFlagAnExistingQuorumQueueThatEverySequencerWouldRead() throws Exception {
		this.rabbit.declare(new Queue(this.queue, true, false, false, Map.of("x-queue-type", "quorum")));

		assertThat(declarer(QUORUM).declareOrInspect()).isEqualTo(Found.QUORUM_WITHOUT_SINGLE_ACTIVE_CONSUMER);
		try (Connection connection = this.rabbit.connectionFactory().getRabbitConnectionFactory().newConnection()) {
			Sequencer first = new Sequencer(connection, this.queue);
			Sequencer second = new Sequencer(connection, this.queue);
			publish("m1", "m2", "m3", "m4", "m5", "m6");

			await().atMost(Duration.ofSeconds(10))
				.until(() -> first.received.size() + second.received.size() == 6);
			assertThat(first.received).as("exclusivity is not enforced: both consumers read").isNotEmpty();
			assertThat(second.received).as("exclusivity is not enforced: both consumers read").isNotEmpty();
		}
	}

	@Test
	void shouldUseAnExistingClassicQueueAsItIs() throws Exception {
		this.rabbit.declare(new Queue(this.queue, true, false, false));

		assertThat(declarer(QUORUM).declareOrInspect()).isEqualTo(Found.EXISTING);
		assertThat(declarer(Bound.properties("app.queues", QueueTypeProperties.class)).declareOrInspect())
			.isEqualTo(Found.EXISTING);
	}

	@Test
	void shouldDeclareAMissingQueueWithoutArgumentsByDefault() throws Exception {
		this.rabbit.deleteOnClose(this.queue);

		assertThat(declarer(Bound.properties("app.queues", QueueTypeProperties.class)).declareOrInspect())
			.isEqualTo(Found.DECLARED);

		assertThat(this.rabbit.refusal(this.queue, Map.of())).isEmpty();
		assertThat(this.rabbit.typeOf(new Queue(this.queue))).isEqualTo("classic");
	}

	private ContractQueueDeclarer declarer(QueueTypeProperties types) {
		return new ContractQueueDeclarer(this.rabbit.connectionFactory(), this.queue, types);
	}

	private void publish(String... bodies) {
		RabbitTemplate template = new RabbitTemplate(this.rabbit.connectionFactory());
		for (String body : bodies) {
			template.convertAndSend("", this.queue, body);
		}
	}

	/**
	 * A consumer like the sequencer's: exclusive, manual acknowledgement, on its own channel.
	 */
	private static final class Sequencer {

		final List<String> received = new CopyOnWriteArrayList<>();

		final Channel channel;

		Sequencer(Connection connection, String queue) throws IOException {
			this.channel = connection.createChannel();
			Channel consuming = this.channel;
			this.channel.basicConsume(queue, false, "", false, true, null, new DefaultConsumer(consuming) {

				@Override
				public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
						byte[] body) throws IOException {
					Sequencer.this.received.add(new String(body, StandardCharsets.UTF_8));
					consuming.basicAck(envelope.getDeliveryTag(), false);
				}

			});
		}

	}

}
