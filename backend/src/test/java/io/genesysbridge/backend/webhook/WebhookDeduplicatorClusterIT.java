package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.RedisServers;
import io.genesysbridge.backend.webhook.WebhookDeduplicator.Claim;
import io.genesysbridge.backend.webhook.WebhookDeduplicator.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's Redis scripts on a 3-master Redis Cluster: the payload claim, reclaim,
 * mark-uncertain and release, and the publish ledger's drain lock. They fail open, so the test
 * asserts the states a working Redis gives, never {@code UNAVAILABLE}.
 */
class WebhookDeduplicatorClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final WebhookProperties properties = Bound.properties("app.webhook", WebhookProperties.class,
			"dedupe-key-format", this.prefix + "webhook:%1$s:%2$s", "in-flight-wait", "100ms", "ledger-lock-key",
			this.prefix + "webhook:ledger-lock");

	private final WebhookMetrics metrics = new WebhookMetrics(new SimpleMeterRegistry());

	@Test
	void shouldSettleEveryPayloadOnEveryMaster() {
		RedisServers.cluster().run((redis) -> {
			WebhookDeduplicator dedupe = new WebhookDeduplicator(redis, this.properties, this.metrics,
					Clock.systemUTC());
			for (int i = 0; i < 30; i++) {
				String payload = "payload-" + i;
				Claim claim = dedupe.claim("integration", payload).block(WAIT);
				assertThat(claim.state()).isEqualTo(State.CLAIMED);
				assertThat(dedupe.claim("integration", payload).block(WAIT).state()).isEqualTo(State.IN_FLIGHT);
				dedupe.markUncertain(claim).block(WAIT);
				Claim uncertain = dedupe.claim("integration", payload).block(WAIT);
				assertThat(uncertain.state()).isEqualTo(State.UNCERTAIN);
				Claim reclaimed = dedupe.reclaim(uncertain).block(WAIT);
				assertThat(reclaimed.state()).isEqualTo(State.CLAIMED);
				dedupe.release(reclaimed).block(WAIT);
				Claim again = dedupe.claim("integration", payload).block(WAIT);
				assertThat(again.state()).isEqualTo(State.CLAIMED);
				dedupe.markPublished(again).block(WAIT);
				assertThat(dedupe.claim("integration", payload).block(WAIT).state()).isEqualTo(State.PUBLISHED);
			}
		});
	}

	@Test
	void shouldMarkABatchPublishedAndDrainTheLedgerUnderItsLock() {
		List<String> payloads = IntStream.range(0, 30).mapToObj((i) -> "ledger-" + i).toList();
		RedisServers.cluster().run((redis) -> {
			WebhookDeduplicator dedupe = new WebhookDeduplicator(redis, this.properties, this.metrics,
					Clock.systemUTC());
			dedupe.markPublished(payloads.stream().map((id) -> dedupe.keyOf("integration", id)).toList()).block(WAIT);
			for (String payload : payloads) {
				assertThat(dedupe.claim("integration", payload).block(WAIT).state()).isEqualTo(State.PUBLISHED);
			}
			drainAnEmptyLedger(redis, dedupe);
		});
	}

	private void drainAnEmptyLedger(ReactiveStringRedisTemplate redis, WebhookDeduplicator dedupe) {
		CachingConnectionFactory rabbit = new CachingConnectionFactory(
				System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"));
		RabbitAdmin admin = new RabbitAdmin(rabbit);
		String queue = this.prefix + "ledger";
		try {
			admin.declareQueue(new Queue(queue, false, false, false));
			PublishLedger ledger = new PublishLedger(new RabbitTemplate(rabbit), dedupe, redis, queue, List.of(),
					this.properties, this.metrics);

			ledger.drain().block(WAIT);

			assertThat(redis.hasKey(this.properties.ledgerLockKey()).block(WAIT)).as("the lock was released")
				.isFalse();
		}
		finally {
			admin.deleteQueue(queue);
			rabbit.destroy();
		}
	}

}
