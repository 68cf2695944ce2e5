package io.genesysbridge.backend.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.genesysbridge.backend.receipt.AgentMessage;
import io.genesysbridge.backend.receipt.AgentMessageMemory;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.backend.webhook.WebhookCaller.Answer;

import static io.genesysbridge.backend.webhook.GenesysNotifications.newId;
import static io.genesysbridge.backend.webhook.GenesysNotifications.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook end to end: HTTP in, RabbitMQ out (through {@link TestRun#RABBIT}, which the
 * broker-down and blocked cases cut and pause), Redis for tenants, dedupe and message memory.
 */
class WebhookIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TENANT = TestRun.TENANTS[0];

	private static final String INTEGRATION = TestRun.integrationOf(TENANT);

	private static final String SECRET = TestRun.webhookSecretOf(TENANT);

	@LocalServerPort
	private int port;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private AgentMessageMemory memory;

	@Autowired
	private MeterRegistry registry;

	private WebhookCaller genesys;

	@BeforeEach
	void connect() {
		this.genesys = new WebhookCaller(this.port);
	}

	@Test
	void shouldPublishAnAgentTextOnlyOnceConfirmedAndRememberItsCustomer() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "919876543210", "Your order shipped");

		Answer answer = this.genesys.post(body, sign(SECRET, body));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.has("published")).isTrue();
		Message published = onlyMessage(TestRun.OUTBOUND_MESSAGES_QUEUE, id);
		JsonNode json = JSON.readTree(published.getBody());
		assertThat(json.get("tenantId").asString()).isEqualTo(TENANT);
		assertThat(json.get("genesysId").asString()).isEqualTo(id);
		assertThat(json.get("conversationId").asString()).isEqualTo("conv-" + id);
		assertThat(json.get("type").asString()).isEqualTo("message");
		assertThat(json.get("timestamp").asString()).isNotBlank();
		assertThat(json.get("payload").get("text").asString()).isEqualTo("Your order shipped");
		assertThat(json.get("payload").get("to_id").asString()).isEqualTo("919876543210");
		assertThat(json.get("payload").get("to_id_type").asString()).isEqualTo("Phone");
		assertThat(published.getMessageProperties().getMessageId()).isEqualTo(id);
		assertThat(published.getMessageProperties().getContentType()).isEqualTo("application/json");
		assertThat(published.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
		assertThat(this.memory.recall(id).block(WAIT))
			.isEqualTo(new AgentMessage(id, TENANT, INTEGRATION, "919876543210", "Phone", "conv-" + id));
	}

	@Test
	void shouldPublishAnAttachmentAsMedia() {
		String id = newId();
		byte[] body = GenesysNotifications.attachment(id, INTEGRATION, "4711");

		assertThat(this.genesys.post(body, sign(SECRET, body)).status()).isEqualTo(200);

		JsonNode payload = JSON.readTree(onlyMessage(TestRun.OUTBOUND_MESSAGES_QUEUE, id).getBody()).get("payload");
		assertThat(payload.has("text")).isFalse();
		assertThat(payload.get("media").get("url").asString()).endsWith("/downloads/" + id);
		assertThat(payload.get("media").get("contentType").asString()).isEqualTo("image/png");
		assertThat(payload.get("media").get("filename").asString()).isEqualTo("invoice.png");
	}

	@Test
	void shouldPublishGenesysReceiptsAndTypingAsStatusUpdates() {
		String receipt = newId();
		String typing = newId();
		byte[] receiptBody = GenesysNotifications.receipt(receipt, INTEGRATION, "wamid.x", "Delivered");
		byte[] typingBody = GenesysNotifications.typing(typing, INTEGRATION, "4711");

		assertThat(this.genesys.post(receiptBody, sign(SECRET, receiptBody)).status()).isEqualTo(200);
		assertThat(this.genesys.post(typingBody, sign(SECRET, typingBody)).status()).isEqualTo(200);

		JsonNode status = JSON.readTree(onlyMessage(TestRun.STATUS_UPDATES_QUEUE, receipt).getBody());
		assertThat(status.get("tenantId").asString()).isEqualTo(TENANT);
		assertThat(status.get("originalMessageId").asString()).isEqualTo("wamid.x");
		assertThat(status.get("status").asString()).isEqualTo("delivered");
		assertThat(status.get("timestamp").asString()).isEqualTo("2026-11-20T10:00:01.000Z");
		assertThat(JSON.readTree(onlyMessage(TestRun.STATUS_UPDATES_QUEUE, typing).getBody()).get("status").asString())
			.isEqualTo("typing");
		assertThat(this.memory.recall(receipt).block(WAIT)).isNull();
	}

	@Test
	void shouldRefuseAMissingSignatureWith401AndPublishNothing() {
		String id = newId();

		Answer answer = this.genesys.post(GenesysNotifications.text(id, INTEGRATION, "4711", "hi"), null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.has("missing_signature")).isTrue();
		assertNothingPublished(id);
	}

	@Test
	void shouldRefuseBadSignaturesWith403AndPublishNothing() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "hi");
		byte[] tampered = GenesysNotifications.text(id, INTEGRATION, "4711", "ho");
		String hex = "sha256=" + java.util.HexFormat.of()
			.formatHex(java.util.Base64.getDecoder().decode(sign(SECRET, body).substring(7)));

		List<Answer> answers = List.of(this.genesys.post(tampered, sign(SECRET, body)),
				this.genesys.post(body, sign("not-the-integrations-secret", body)), this.genesys.post(body, hex),
				this.genesys.post(body, "sha1=abc"));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.has("bad_signature")).isTrue();
		});
		assertNothingPublished(id);
	}

	@Test
	void shouldAcceptThePreviousSecretOnlyWithinItsRotationWindow() {
		String rotating = TestRun.TENANTS[1];
		String expired = TestRun.TENANTS[2];
		byte[] withinWindow = GenesysNotifications.text(newId(), TestRun.integrationOf(rotating), "4711", "hi");
		byte[] afterWindow = GenesysNotifications.text(newId(), TestRun.integrationOf(expired), "4711", "hi");
		byte[] current = GenesysNotifications.text(newId(), TestRun.integrationOf(expired), "4711", "hi");

		assertThat(this.genesys.post(withinWindow, sign(TestRun.ROTATED_OUT_SECRET, withinWindow)).status())
			.isEqualTo(200);
		assertThat(this.genesys.post(afterWindow, sign(TestRun.EXPIRED_SECRET, afterWindow)).status())
			.isEqualTo(403);
		assertThat(this.genesys.post(current, sign(TestRun.webhookSecretOf(expired), current)).status())
			.isEqualTo(200);
	}

	@Test
	void shouldRefuseAnUnknownIntegrationWith404() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, "integration-nobody-has-" + id, "4711", "hi");

		Answer answer = this.genesys.post(body, sign(SECRET, body));

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.body()).contains("integration.unknown");
		assertNothingPublished(id);
	}

	@Test
	void shouldRefuseADisabledTenantWith403() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, TestRun.integrationOf(TestRun.DISABLED_TENANT), "4711", "hi");

		Answer answer = this.genesys.post(body, sign(TestRun.webhookSecretOf(TestRun.DISABLED_TENANT), body));

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.has("tenant_disabled")).isTrue();
	}

	@Test
	void shouldRefuseMalformedBodiesWith400NamingTheProblem() {
		byte[] notJson = GenesysNotifications.bytes("{\"id\": oops");
		byte[] noId = GenesysNotifications.bytes("{\"channel\":{\"id\":\"" + INTEGRATION + "\"},\"type\":\"Text\"}");
		byte[] noCustomer = GenesysNotifications.bytes("{\"id\":\"" + newId() + "\",\"channel\":{\"id\":\""
				+ INTEGRATION + "\"},\"type\":\"Text\",\"text\":\"hi\"}");

		Answer notJsonAnswer = this.genesys.post(notJson, sign(SECRET, notJson));
		Answer noIdAnswer = this.genesys.post(noId, sign(SECRET, noId));
		Answer noCustomerAnswer = this.genesys.post(noCustomer, sign(SECRET, noCustomer));

		assertThat(List.of(notJsonAnswer, noIdAnswer, noCustomerAnswer)).allSatisfy(
				(answer) -> assertThat(answer.status()).isEqualTo(400));
		assertThat(notJsonAnswer.body()).contains("body.not-json");
		assertThat(noIdAnswer.body()).contains("id.blank");
		assertThat(noCustomerAnswer.body()).contains("channel.to.id.blank");
	}

	@Test
	void shouldRefuseABodyOverTheSizeLimitWith413() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "x".repeat(300 * 1024));

		Answer answer = this.genesys.post(body, sign(SECRET, body));

		assertThat(answer.status()).isEqualTo(413);
		assertNothingPublished(id);
	}

	@Test
	void shouldAnswer200ToAMessageThePlatformCannotCarryWithoutPublishingIt() {
		String id = newId();
		byte[] body = GenesysNotifications.bytes("{\"id\":\"" + id + "\",\"channel\":{\"id\":\"" + INTEGRATION
				+ "\",\"to\":{\"id\":\"4711\"}},\"type\":\"Structured\",\"content\":[{\"contentType\":\"QuickReply\","
				+ "\"quickReply\":{\"text\":\"Yes\",\"payload\":\"yes\",\"action\":\"Message\"}}],"
				+ "\"direction\":\"Outbound\"}");

		Answer answer = this.genesys.post(body, sign(SECRET, body));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.has("ignored")).isTrue();
		assertNothingPublished(id);
	}

	@Test
	void shouldPublishFiveIdenticalDeliveriesOnce() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "once");
		String signature = sign(SECRET, body);

		List<Answer> answers = java.util.stream.IntStream.range(0, 5)
			.mapToObj((i) -> this.genesys.post(body, signature))
			.toList();

		assertThat(answers).extracting(Answer::status).containsOnly(200);
		assertThat(answers.getFirst().has("published")).isTrue();
		assertThat(answers.subList(1, 5)).allSatisfy((answer) -> assertThat(answer.has("duplicate")).isTrue());
		assertPublishedOnce(TestRun.OUTBOUND_MESSAGES_QUEUE, id);
	}

	@Test
	void shouldPublishFiveConcurrentIdenticalDeliveriesOnce() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "once, concurrently");
		String signature = sign(SECRET, body);

		List<Answer> answers = Flux.range(0, 5)
			.flatMap((i) -> this.genesys.postAsync(body, signature), 5)
			.collectList()
			.block(WAIT);

		assertThat(answers).extracting(Answer::status).containsOnly(200);
		assertThat(answers).filteredOn((answer) -> answer.has("published")).hasSize(1);
		assertPublishedOnce(TestRun.OUTBOUND_MESSAGES_QUEUE, id);
	}

	@Test
	void shouldAnswer503WhileRabbitMqIsDownAndPublishOnceGenesysRetriesAfterIt() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "while the broker was down");
		String signature = sign(SECRET, body);
		Answer whileDown;

		TestRun.RABBIT.cut();
		try {
			whileDown = this.genesys.post(body, signature);
		}
		finally {
			TestRun.RABBIT.restore();
		}
		Answer retried = retryLikeGenesys(() -> this.genesys.post(body, signature));

		assertThat(whileDown.status()).isEqualTo(503);
		assertThat(whileDown.has("unavailable")).isTrue();
		assertThat(retried.status()).isEqualTo(200);
		assertPublishedOnce(TestRun.OUTBOUND_MESSAGES_QUEUE, id);
	}

	@Test
	void shouldAnswer503WhileTheConnectionIsBlockedAndLoseNothingOnceItIsBack() {
		String id = newId();
		byte[] body = GenesysNotifications.text(id, INTEGRATION, "4711", "while the connection was blocked");
		String signature = sign(SECRET, body);
		warmUpPublisher();
		Answer whileBlocked;

		TestRun.RABBIT.pause();
		try {
			whileBlocked = this.genesys.post(body, signature);
		}
		finally {
			TestRun.RABBIT.resume();
		}
		Answer retried = retryLikeGenesys(() -> this.genesys.post(body, signature));

		assertThat(whileBlocked.status()).isEqualTo(503);
		assertThat(whileBlocked.body()).contains("publish.timeout");
		assertThat(retried.status()).isEqualTo(200);
		assertPublishedOnce(TestRun.OUTBOUND_MESSAGES_QUEUE, id);
	}

	@Test
	void shouldCountEveryOutcome() {
		double published = count("published");
		double badSignature = count("bad_signature");
		double missing = count("missing_signature");
		byte[] body = GenesysNotifications.text(newId(), INTEGRATION, "4711", "counted");

		this.genesys.post(body, sign(SECRET, body));
		this.genesys.post(body, sign("some-other-secret-xxxx", body));
		this.genesys.post(body, null);

		assertThat(count("published") - published).isEqualTo(1.0);
		assertThat(count("bad_signature") - badSignature).isEqualTo(1.0);
		assertThat(count("missing_signature") - missing).isEqualTo(1.0);
		assertThat(this.registry.find(WebhookMetrics.PUBLISH).tag("outcome", "confirmed").timer()).isNotNull();
	}

	/** Genesys retries a 5xx up to 5 times, 5 s apart; a shorter spacing keeps the test short. */
	private static Answer retryLikeGenesys(Callable<Answer> call) {
		Answer[] last = new Answer[1];
		Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
			last[0] = call.call();
			return last[0].status() == 200;
		});
		return last[0];
	}

	/** Opens the publisher's connection and channel before the proxy is paused. */
	private void warmUpPublisher() {
		byte[] body = GenesysNotifications.text(newId(), INTEGRATION, "4711", "warm-up");
		retryLikeGenesys(() -> this.genesys.post(body, sign(SECRET, body)));
	}

	private double count(String outcome) {
		return this.registry.find(WebhookMetrics.REQUESTS)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private Message onlyMessage(String queue, String id) {
		return assertPublishedOnce(queue, id);
	}

	/**
	 * Waits for the message and checks it is there once. Every publish is confirmed before the
	 * webhook answers, so once all requests for the id were answered, no copy is still coming.
	 */
	private Message assertPublishedOnce(String queue, String id) {
		Message first = this.probe.await(queue, QueueProbe.bodyContains(id), 1, WAIT).getFirst();
		assertThat(this.probe.drain(queue, QueueProbe.bodyContains(id))).as("copies of " + id + " on " + queue)
			.hasSize(1);
		return first;
	}

	/** A refused request never reaches the publisher, so nothing can arrive later. */
	private void assertNothingPublished(String id) {
		assertThat(this.probe.drain(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(id))).isEmpty();
		assertThat(this.probe.drain(TestRun.STATUS_UPDATES_QUEUE, QueueProbe.bodyContains(id))).isEmpty();
	}

}
