package io.genesysbridge.backend.receipt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status events from genesys-status-processed to Genesys receipts, end to end on the real
 * RabbitMQ and Redis with the fake Genesys: what each status sends, with which recipient and
 * reason, and that a message's status never moves backwards.
 */
class ReceiptsIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TENANT = TestRun.TENANTS[0];

	private static final String INTEGRATION = TestRun.integrationOf(TENANT);

	@Autowired
	private QueueProbe probe;

	@Autowired
	private AgentMessageMemory memory;

	@Autowired
	private MeterRegistry registry;

	@BeforeEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
	}

	@Test
	void shouldSendADeliveredReceiptToTheCustomerTheWebhookRemembered() {
		String id = agentMessage("919876543210");

		publish(status(id, "delivered", "\"timestamp\":\"2026-11-20T10:00:05.000Z\""));

		JsonNode receipt = JSON.readTree(awaitReceipt(id).body());
		assertThat(receipt.get("id").asString()).isEqualTo(id);
		assertThat(receipt.get("status").asString()).isEqualTo("Delivered");
		assertThat(receipt.get("channel").get("to").get("id").asString()).isEqualTo("919876543210");
		assertThat(receipt.get("channel").get("to").get("idType").asString()).isEqualTo("Phone");
		assertThat(receipt.get("channel").get("time").asString()).isEqualTo("2026-11-20T10:00:05Z");
		assertThat(receipt.has("reasons")).isFalse();
		assertThat(awaitReceipt(id).integrationId()).isEqualTo(INTEGRATION);
	}

	@Test
	void shouldSendAFailedReceiptWithTheReasonMappedToAConversationReasonCode() {
		String id = agentMessage("4711");

		publish(status(id, "failed", "\"reason\":\"(#131047) Re-engagement message\""));

		JsonNode receipt = JSON.readTree(awaitReceipt(id).body());
		assertThat(receipt.get("status").asString()).isEqualTo("Failed");
		assertThat(receipt.get("reasons").get(0).get("code").asString()).isEqualTo("MessageExpired");
		assertThat(receipt.get("reasons").get(0).get("message").asString())
			.isEqualTo("(#131047) Re-engagement message");
		assertThat(receipt.get("isFinalReceipt").asBoolean()).isTrue();
	}

	@Test
	void shouldNeverMoveAStatusBackwards() {
		String id = agentMessage("4712");
		publish(status(id, "failed", "\"reason\":\"131026 Message undeliverable\""));
		awaitReceipt(id);
		double stale = count("stale");

		publish(status(id, "delivered", ""));
		publish(status(id, "failed", ""));

		awaitCount("stale", stale + 2);
		assertThat(receipts(id)).singleElement()
			.satisfies((receipt) -> assertThat(receipt.body()).contains("\"status\":\"Failed\""));
	}

	@Test
	void shouldSendNothingForReadButRecordIt() {
		String id = agentMessage("4713");
		double skipped = count("skipped");
		double stale = count("stale");

		publish(status(id, "read", ""));
		awaitCount("skipped", skipped + 1);
		publish(status(id, "delivered", ""));
		awaitCount("stale", stale + 1);

		assertThat(receipts(id)).isEmpty();
	}

	@Test
	void shouldSendARepeatedDeliveredOnce() {
		String id = agentMessage("4714");

		publish(status(id, "delivered", ""));
		publish(status(id, "delivered", ""));

		awaitReceipt(id);
		Awaitility.await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> receipts(id).size() == 1);
	}

	@Test
	void shouldUseTheEventsOwnRecipientForAMessageNotRemembered() {
		String id = "unremembered-" + UUID.randomUUID();

		publish(status(id, "delivered", "\"to_id\":\"4715\""));

		RecordedInbound receipt = awaitReceipt(id);
		assertThat(receipt.integrationId()).isEqualTo(INTEGRATION);
		assertThat(receipt.body()).contains("\"to\":{\"id\":\"4715\"}");
	}

	@Test
	void shouldRetryWhenGenesysFailsAndSendOnce() {
		String id = agentMessage("4716");
		TestRun.FAKE.failNext(2, 503);

		publish(status(id, "delivered", ""));

		awaitReceipt(id);
		assertThat(receipts(id)).hasSize(1);
	}

	@Test
	void shouldDeadLetterAStatusWhoseCustomerIsUnknown() {
		String id = "unknown-" + UUID.randomUUID();

		publish(status(id, "delivered", ""));

		Message dead = this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(id), 1, WAIT).getFirst();
		assertThat(dead.getMessageProperties().getHeaders().get(DeadLetterHeaders.REASON))
			.isEqualTo("receipt.recipient.unknown");
		assertThat(dead.getMessageProperties().getHeaders().get(DeadLetterHeaders.FAILURE_CLASS))
			.isEqualTo("PERMANENT");
	}

	@Test
	void shouldDeadLetterAStatusThatIsNotJson() {
		String marker = "not json " + UUID.randomUUID();

		this.probe.publish(TestRun.STATUS_PROCESSED_QUEUE, marker.getBytes(StandardCharsets.UTF_8), null);

		Message dead = this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(marker), 1, WAIT)
			.getFirst();
		assertThat(dead.getMessageProperties().getHeaders().get(DeadLetterHeaders.REASON))
			.isEqualTo("validation.status.body.not-json");
	}

	/** An agent message as the webhook remembers it, without going through HTTP. */
	private String agentMessage(String customerId) {
		String id = UUID.randomUUID().toString().replace("-", "");
		this.memory.remember(new AgentMessage(id, TENANT, INTEGRATION, customerId, "Phone", "conv-" + id)).block(WAIT);
		return id;
	}

	private static String status(String genesysId, String status, String extra) {
		return "{\"tenantId\":\"" + TENANT + "\",\"genesysId\":\"" + genesysId
				+ "\",\"originalMessageId\":\"wamid." + genesysId + "\",\"status\":\"" + status
				+ "\",\"conversation_id\":\"conv-" + genesysId + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	private void publish(String json) {
		this.probe.publish(TestRun.STATUS_PROCESSED_QUEUE, json.getBytes(StandardCharsets.UTF_8), "application/json");
	}

	private static RecordedInbound awaitReceipt(String id) {
		Awaitility.await().atMost(WAIT).until(() -> !receipts(id).isEmpty());
		return receipts(id).getFirst();
	}

	private static List<RecordedInbound> receipts(String id) {
		return TestRun.FAKE.receipts().stream().filter((receipt) -> id.equals(receipt.genesysMessageId())).toList();
	}

	private void awaitCount(String outcome, double expected) {
		Awaitility.await().atMost(WAIT).until(() -> count(outcome) >= expected);
	}

	private double count(String outcome) {
		return this.registry.find(ReceiptMetrics.STATUSES)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
