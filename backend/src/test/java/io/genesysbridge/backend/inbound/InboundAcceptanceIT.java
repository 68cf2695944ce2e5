package io.genesysbridge.backend.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation issue's acceptance scenarios at full size: 1,000 valid messages for three
 * tenants (150 customers, so conversations interleave and order is kept per customer) reach
 * Genesys exactly once each with 1,000 matching correlation events, 100 invalid
 * ones land in the DLQ naming their rule, nothing stays unacknowledged; and the same holds when
 * Genesys answers 503 to half the calls.
 */
class InboundAcceptanceIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(120);

	private static final int VALID = 1000;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private BindingsLifecycleController bindings;

	@AfterEach
	void putGenesysRight() {
		TestRun.FAKE.failRandomly(0, 503, 1);
	}

	@Test
	void shouldDeliverAThousandMessagesOnceAndDeadLetterAHundredInvalidOnes() {
		String batch = "batch-" + UUID.randomUUID();
		Map<String, String> expectedRules = new HashMap<>();

		List<String> wamids = publishValid(batch);
		publishInvalid(batch, expectedRules);

		assertDeliveredExactlyOnce(batch, wamids);
		List<Message> dead = this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(batch), 100, WAIT);
		assertThat(dead).hasSize(100).allSatisfy((message) -> {
			String marker = markerOf(message, batch, expectedRules);
			assertThat(message.getMessageProperties().getHeaders().get(DeadLetterHeaders.REASON))
				.isEqualTo(expectedRules.get(marker));
		});
		assertNothingLeftUnacknowledged();
	}

	@Test
	void shouldDeliverAThousandMessagesOnceWhileGenesysFailsHalfTheCalls() {
		String batch = "chaos-" + UUID.randomUUID();
		TestRun.FAKE.failRandomly(0.5, 503, 20261121L);

		List<String> wamids = publishValid(batch);

		assertDeliveredExactlyOnce(batch, wamids);
		assertThat(this.probe.drain(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(batch))).isEmpty();
		assertNothingLeftUnacknowledged();
	}

	private List<String> publishValid(String batch) {
		List<String> wamids = new java.util.ArrayList<>();
		for (int i = 0; i < VALID; i++) {
			String wamid = "wamid." + batch + "." + i;
			String tenant = TestRun.TENANTS[i % TestRun.TENANTS.length];
			ObjectNode envelope = InboundFixtures.valid(tenant, wamid);
			envelope.withObjectProperty("genesysPayload")
				.withObjectProperty("channel")
				.withObjectProperty("from")
				.put("id", "9198765" + String.format("%05d", i % 150));
			if (i % 7 == 0) {
				InboundFixtures.withAttachment(envelope);
			}
			this.probe.publish(TestRun.INBOUND_QUEUE, InboundFixtures.bytes(envelope), "application/json");
			wamids.add(wamid);
		}
		return wamids;
	}

	private void publishInvalid(String batch, Map<String, String> expectedRules) {
		List<Map.Entry<String, Consumer<ObjectNode>>> breakers = List.of(
				Map.entry("validation.metadata.tenantId.blank", (r) -> r.withObjectProperty("metadata").put("tenantId", "")),
				Map.entry("validation.genesysPayload.direction.invalid",
						(r) -> r.withObjectProperty("genesysPayload").put("direction", "Outbound")),
				Map.entry("validation.text.empty", (r) -> r.withObjectProperty("genesysPayload").remove("text")),
				Map.entry("validation.channel.from.id.blank",
						(r) -> r.withObjectProperty("genesysPayload").withObjectProperty("channel").remove("from")),
				Map.entry("validation.metadata.correlationId.blank",
						(r) -> r.withObjectProperty("metadata").remove("correlationId")),
				Map.entry("validation.attachment.incomplete", (r) -> r.withObjectProperty("genesysPayload")
					.putArray("content")
					.addObject()
					.putObject("attachment")
					.put("mediaType", "Image")),
				Map.entry("validation.tenant.unknown",
						(r) -> r.withObjectProperty("metadata").put("tenantId", "unknown-" + TestRun.ID)),
				Map.entry("validation.tenant.disabled",
						(r) -> r.withObjectProperty("metadata").put("tenantId", TestRun.DISABLED_TENANT)),
				Map.entry("validation.channel.time.invalid", (r) -> r.withObjectProperty("genesysPayload")
					.withObjectProperty("channel")
					.put("time", "not a time")));
		for (int i = 0; i < 100; i++) {
			String marker = batch + ".invalid." + i;
			if (i % 10 == 9) {
				expectedRules.put(marker, "validation.body.not-json");
				this.probe.publish(TestRun.INBOUND_QUEUE, ("garbage " + marker).getBytes(StandardCharsets.UTF_8),
						"application/json");
				continue;
			}
			Map.Entry<String, Consumer<ObjectNode>> breaker = breakers.get(i % 10);
			ObjectNode envelope = InboundFixtures.valid(TestRun.TENANTS[0], "wamid." + marker);
			breaker.getValue().accept(envelope);
			expectedRules.put(marker, breaker.getKey());
			this.probe.publish(TestRun.INBOUND_QUEUE, InboundFixtures.bytes(envelope), "application/json");
		}
	}

	private void assertDeliveredExactlyOnce(String batch, List<String> wamids) {
		List<Message> events = this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(batch), VALID,
				WAIT);
		Map<String, List<RecordedInbound>> received = TestRun.FAKE.inboundMessages()
			.stream()
			.filter((m) -> m.channelMessageId() != null && m.channelMessageId().contains(batch))
			.collect(Collectors.groupingBy(RecordedInbound::channelMessageId));
		assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(wamids);
		assertThat(received.values()).allSatisfy((copies) -> assertThat(copies).hasSize(1));
		Map<String, JsonNode> eventsByWamid = events.stream()
			.map((m) -> InboundFixtures.JSON.readTree(m.getBody()))
			.collect(Collectors.toMap((json) -> json.get("whatsapp_message_id").asString(), Function.identity()));
		assertThat(events).hasSize(VALID);
		assertThat(eventsByWamid).hasSize(VALID);
		assertThat(eventsByWamid).allSatisfy((wamid, json) -> {
			assertThat(json.get("genesysMessageId").asString())
				.isEqualTo(received.get(wamid).getFirst().genesysMessageId());
			assertThat(json.get("correlationId").asString()).isEqualTo("corr-" + wamid);
		});
		assertThat(events).allSatisfy((m) -> assertThat(m.getMessageProperties().getCorrelationId())
			.isEqualTo("corr-" + InboundFixtures.JSON.readTree(m.getBody()).get("whatsapp_message_id").asString()));
	}

	/**
	 * Stops the consumer, which hands any unacknowledged message back to the queue, and checks
	 * the queue is empty; then resumes.
	 */
	private void assertNothingLeftUnacknowledged() {
		this.bindings.changeState("inbound-in-0", State.STOPPED);
		try {
			assertThat(this.probe.depth(TestRun.INBOUND_QUEUE)).isZero();
		}
		finally {
			this.bindings.changeState("inbound-in-0", State.STARTED);
		}
	}

	private static String markerOf(Message message, String batch, Map<String, String> expected) {
		String body = QueueProbe.body(message);
		return expected.keySet()
			.stream()
			.filter((marker) -> body.contains(marker + "\"") || body.endsWith(marker))
			.findFirst()
			.orElseThrow();
	}

}
