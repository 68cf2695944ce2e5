package io.genesysbridge.backend.webhook;

import java.time.Duration;
import java.util.Map;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.backend.webhook.WebhookCaller.Answer;

import static io.genesysbridge.backend.webhook.GenesysNotifications.newId;
import static io.genesysbridge.backend.webhook.GenesysNotifications.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publish ledger settles a publish whose confirm was lost: Genesys's retry publishes again
 * only if the broker never took the first copy. The lost confirm is staged in Redis (the state
 * the forwarder leaves behind), and "the broker took it" by putting the ledger's copy of the
 * message on the ledger queue, as the BCC of a real publish would have.
 */
class PublishLedgerIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TENANT = TestRun.TENANTS[0];

	private static final String INTEGRATION = TestRun.integrationOf(TENANT);

	private static final String SECRET = TestRun.webhookSecretOf(TENANT);

	@LocalServerPort
	private int port;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private StringRedisTemplate redis;

	private WebhookCaller genesys;

	@BeforeEach
	void connect() {
		this.genesys = new WebhookCaller(this.port);
	}

	@Test
	void shouldAnswerARetryWithoutPublishingAgainWhenTheBrokerTookThePublishWhoseConfirmWasLost() throws Exception {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "confirm lost, message kept");
		warmUp();
		confirmLostAgo(id, Duration.ofSeconds(2));
		putOnLedger(id);

		Answer retry = this.genesys.post(body, sign(SECRET, body));

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.has("duplicate")).as(retry.body()).isTrue();
		assertThat(this.probe.drain(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(id))).isEmpty();
		assertThat(this.redis.opsForValue().get(keyOf(id))).startsWith("published:");
	}

	@Test
	void shouldPublishTheRetryOnceWhenTheBrokerNeverTookThePublishWhoseConfirmWasLost() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "confirm lost, message lost");
		confirmLostAgo(id, Duration.ofSeconds(2));

		Answer retry = this.genesys.post(body, sign(SECRET, body));
		Answer again = this.genesys.post(body, sign(SECRET, body));

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.has("published")).as(retry.body()).isTrue();
		assertThat(again.has("duplicate")).as(again.body()).isTrue();
		this.probe.await(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(id), 1, WAIT);
		assertThat(this.probe.drain(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(id))).hasSize(1);
	}

	@Test
	void shouldRouteEveryPublishToTheLedgerWithoutShowingTheConsumerTheBccAndDrainIt() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "an ordinary publish");

		Answer answer = this.genesys.post(body, sign(SECRET, body));

		assertThat(answer.status()).isEqualTo(200);
		Message published = this.probe.await(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(id), 1, WAIT)
			.getFirst();
		assertThat(published.getMessageProperties().getHeaders()).doesNotContainKeys("BCC", "CC")
			.containsEntry(PublishLedger.INTEGRATION_HEADER, INTEGRATION);
		Awaitility.await().atMost(WAIT).until(() -> this.probe.depth(TestRun.WEBHOOK_LEDGER_QUEUE) == 0);
	}

	@Test
	void shouldDeclareADeletedOutputQueueAgainWithinSeconds() throws Exception {
		assertThat(this.probe.depth(TestRun.STATUS_UPDATES_QUEUE)).isNotNegative();

		withChannel((channel) -> channel.queueDelete(TestRun.STATUS_UPDATES_QUEUE));

		Awaitility.await().atMost(WAIT).until(() -> this.probe.depth(TestRun.STATUS_UPDATES_QUEUE) >= 0);
	}

	/**
	 * One publish first, so the retry under test follows the staged state within milliseconds
	 * and is settled by its own drain, not by the periodic one.
	 */
	private void warmUp() {
		byte[] body = GenesysNotifications.text(newId(), INTEGRATION, "4711", "warm-up");
		assertThat(this.genesys.post(body, sign(SECRET, body)).status()).isEqualTo(200);
	}

	/** The state a publish leaves behind when its connection closes before the confirm. */
	private void confirmLostAgo(String id, Duration ago) {
		this.redis.opsForValue()
			.set(keyOf(id), "uncertain:" + (System.currentTimeMillis() - ago.toMillis()), Duration.ofMinutes(5));
	}

	private static String keyOf(String id) {
		return "it:" + TestRun.ID + ":webhook:" + INTEGRATION + ":" + id;
	}

	/**
	 * Puts the ledger's copy of a message on the ledger queue, on a connection of its own
	 * (straight to the broker, not through the test's proxy).
	 */
	private static void putOnLedger(String id) throws Exception {
		withChannel((channel) -> {
			channel.confirmSelect();
			AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(id)
				.headers(Map.of(PublishLedger.INTEGRATION_HEADER, INTEGRATION))
				.deliveryMode(2)
				.build();
			channel.basicPublish("", TestRun.WEBHOOK_LEDGER_QUEUE, true, properties, "{}".getBytes());
			channel.waitForConfirmsOrDie(10_000);
		});
	}

	private static void withChannel(ChannelWork work) throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
			work.run(channel);
		}
	}

	private interface ChannelWork {

		void run(Channel channel) throws Exception;

	}

}
