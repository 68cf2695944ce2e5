package io.genesysbridge.backend.deferral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.LocalRabbit;
import io.genesysbridge.backend.system.QueueTypeProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delay tiers as {@code DeferralConfiguration} declares them, on the real RabbitMQ: with
 * {@code app.queues.type=quorum} the broker holds them as quorum queues that dead-letter at least
 * once, and a message parked in a tier comes back to the (quorum) work queue when its TTL
 * expires; by default they stay classic queues without a type argument.
 */
class DeferralQuorumIT {

	private final String work = "test-" + UUID.randomUUID() + ".work";

	private final DeferralProperties deferral = Bound.properties("app.deferral", DeferralProperties.class,
			"queue-prefix", this.work + ".delay.", "tiers", "300ms,2s");

	private final LocalRabbit rabbit = LocalRabbit.connect();

	@AfterEach
	void cleanUp() {
		this.rabbit.close();
	}

	@Test
	void shouldDeclareQuorumTiersThatReturnAnExpiredMessageToTheWorkQueue() {
		QueueTypeProperties quorum = Bound.properties("app.queues", QueueTypeProperties.class, "type", "quorum");
		Queue workQueue = quorum.durable(this.work).build();
		this.rabbit.declare(workQueue);
		List<Queue> tiers = declareTiers(quorum);

		assertThat(tiers).allSatisfy((tier) -> {
			assertThat(this.rabbit.typeOf(tier)).isEqualTo("quorum");
			assertThat(tier.getArguments()).containsEntry("x-dead-letter-strategy", "at-least-once")
				.containsEntry("x-overflow", "reject-publish");
		});
		assertThat(this.rabbit.typeOf(workQueue)).isEqualTo("quorum");

		Message back = deferAndAwait(this.deferral.queueFor(Duration.ofMillis(300)));

		assertThat(new String(back.getBody(), StandardCharsets.UTF_8)).isEqualTo("deferred");
		assertThat(back.getMessageProperties().<String>getHeader("x-bridge-deferred-reason")).isEqualTo("test");
		Map<String, ?> death = back.getMessageProperties().getXDeathHeader().getFirst();
		assertThat(death.get("reason")).hasToString("expired");
		assertThat(death.get("queue")).hasToString(this.deferral.queueFor(Duration.ofMillis(300)));
	}

	@Test
	void shouldKeepClassicTiersWithoutATypeArgumentByDefault() {
		QueueTypeProperties classic = Bound.properties("app.queues", QueueTypeProperties.class);
		this.rabbit.declare(classic.durable(this.work).build());

		List<Queue> tiers = declareTiers(classic);

		assertThat(tiers).allSatisfy((tier) -> {
			assertThat(tier.getArguments()).containsOnlyKeys("x-message-ttl", "x-dead-letter-exchange",
					"x-dead-letter-routing-key");
			assertThat(this.rabbit.typeOf(tier)).isEqualTo("classic");
		});
		assertThat(new String(deferAndAwait(tiers.getFirst().getName()).getBody(), StandardCharsets.UTF_8))
			.isEqualTo("deferred");
	}

	private List<Queue> declareTiers(QueueTypeProperties types) {
		List<Queue> tiers = new DeferralConfiguration().deferralQueues(this.deferral, this.work, types)
			.getDeclarablesByType(Queue.class);
		tiers.forEach(this.rabbit::declare);
		return tiers;
	}

	private Message deferAndAwait(String tier) {
		RabbitTemplate template = new RabbitTemplate(this.rabbit.connectionFactory());
		template.send("", tier,
				MessageBuilder.withBody("deferred".getBytes(StandardCharsets.UTF_8))
					.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
					.setHeader("x-bridge-deferred-reason", "test")
					.build());
		AtomicReference<Message> back = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> back.updateAndGet((found) -> (found != null) ? found : template.receive(this.work)) != null);
		return back.get();
	}

}
