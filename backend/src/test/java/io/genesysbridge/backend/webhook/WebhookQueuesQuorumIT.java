package io.genesysbridge.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.LocalRabbit;
import io.genesysbridge.backend.system.QueueTypeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook's output queues and publish ledger as {@code WebhookConfiguration} declares them,
 * on the real RabbitMQ, with {@code app.queues.type=quorum}: all three are quorum queues, the
 * ledger keeps its TTL, and one publish carrying the ledger in {@code BCC} lands in both.
 */
class WebhookQueuesQuorumIT {

	private final String run = "test-" + UUID.randomUUID();

	private final LocalRabbit rabbit = LocalRabbit.connect();

	@AfterEach
	void cleanUp() {
		this.rabbit.close();
	}

	@Test
	void shouldDeclareQuorumOutputsAndLedgerThatOnePublishReachesTogether() {
		WebhookQueues queues = Bound.properties("app.queues", WebhookQueues.class, "outbound-messages",
				this.run + ".messages", "status-updates", this.run + ".statuses", "webhook-ledger",
				this.run + ".ledger");
		QueueTypeProperties quorum = Bound.properties("app.queues", QueueTypeProperties.class, "type", "quorum");

		List<Queue> declared = new WebhookConfiguration()
			.webhookOutputQueues(queues, Bound.properties("app.webhook", WebhookProperties.class), quorum)
			.getDeclarablesByType(Queue.class);
		declared.forEach(this.rabbit::declare);

		assertThat(declared).extracting(Queue::getName)
			.containsExactly(queues.outboundMessages(), queues.statusUpdates(), queues.webhookLedger());
		assertThat(declared).allSatisfy((queue) -> assertThat(this.rabbit.typeOf(queue)).isEqualTo("quorum"));
		assertThat(declared.getLast().getArguments()).containsEntry("x-message-ttl", 3_600_000);

		RabbitTemplate template = new RabbitTemplate(this.rabbit.connectionFactory());
		template.send("", queues.outboundMessages(), MessageBuilder.withBody("agent".getBytes(StandardCharsets.UTF_8))
			.setHeader("BCC", List.of(queues.webhookLedger()))
			.build());

		assertThat(receive(template, queues.outboundMessages()).getMessageProperties().getHeaders())
			.doesNotContainKey("BCC");
		assertThat(receive(template, queues.webhookLedger()).getBody()).asString(StandardCharsets.UTF_8)
			.isEqualTo("agent");
	}

	private static Message receive(RabbitTemplate template, String queue) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> template.receive(queue), (found) -> found != null);
	}

}
