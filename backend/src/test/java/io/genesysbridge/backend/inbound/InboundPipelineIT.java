package io.genesysbridge.backend.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound pipeline end to end on the real RabbitMQ and Redis, with a fake Genesys: what
 * reaches Genesys, what comes out on correlation-events, and what lands in the DLQ with which
 * headers.
 */
class InboundPipelineIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TENANT = TestRun.TENANTS[0];

	@Autowired
	private QueueProbe probe;

	@Autowired
	private MeterRegistry registry;

	@BeforeEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
		TestRun.FAKE.retryAfter(Duration.ofSeconds(1));
	}

	@Test
	void shouldDeliverAndPublishTheCorrelationEventWithItsCorrelationId() {
		String wamid = wamid();

		publish(InboundFixtures.withAttachment(InboundFixtures.valid(TENANT, wamid)));

		Message event = awaitEvent(wamid);
		RecordedInbound delivered = deliveredOnce(wamid);
		JsonNode json = InboundFixtures.JSON.readTree(event.getBody());
		assertThat(event.getMessageProperties().getCorrelationId()).isEqualTo("corr-" + wamid);
		assertThat(json.get("tenantId").asString()).isEqualTo(TENANT);
		assertThat(json.get("genesysMessageId").asString()).isEqualTo(delivered.genesysMessageId());
		assertThat(json.get("conversationId").asString()).isEqualTo(delivered.conversationId());
		assertThat(json.get("whatsapp_message_id").asString()).isEqualTo(wamid);
		assertThat(json.get("status").asString()).isEqualTo("created");
		assertThat(json.get("correlationId").asString()).isEqualTo("corr-" + wamid);
		assertThat(json.has("communicationId")).isTrue();
		assertThat(json.get("communicationId").isNull()).isTrue();
		assertThat(Instant.parse(json.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(delivered.integrationId()).isEqualTo(TestRun.integrationOf(TENANT));
		assertThat(delivered.body()).contains("\"contentType\":\"Attachment\"").contains("image/jpeg");
	}

	@Test
	void shouldConsumeAMessagePublishedWithoutAContentType() {
		String wamid = wamid();

		this.probe.publish(TestRun.INBOUND_QUEUE, InboundFixtures.bytes(InboundFixtures.valid(TENANT, wamid)), null);

		awaitEvent(wamid);
		deliveredOnce(wamid);
	}

	@Test
	void shouldDeadLetterAMessageThatIsNotJsonAtOnceNamingTheRule() {
		String marker = "not json " + UUID.randomUUID();
		int attemptsBefore = TestRun.FAKE.inboundAttempts();

		this.probe.publish(TestRun.INBOUND_QUEUE, marker.getBytes(StandardCharsets.UTF_8), "application/json");

		Message dead = awaitDeadLetter(marker);
		assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("validation.body.not-json");
		assertThat(header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo("PERMANENT");
		assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
		assertThat(TestRun.FAKE.inboundAttempts()).isEqualTo(attemptsBefore);
	}

	@Test
	void shouldDeadLetterUnknownAndDisabledTenants() {
		String unknown = wamid();
		String disabled = wamid();

		publish(InboundFixtures.valid("no-such-tenant-" + TestRun.ID, unknown));
		publish(InboundFixtures.valid(TestRun.DISABLED_TENANT, disabled));

		assertThat(header(awaitDeadLetter(unknown), DeadLetterHeaders.REASON)).isEqualTo("validation.tenant.unknown");
		assertThat(header(awaitDeadLetter(disabled), DeadLetterHeaders.REASON))
			.isEqualTo("validation.tenant.disabled");
	}

	@Test
	void shouldWaitAtLeastRetryAfterOnA429ThenDeliverOnce() {
		String wamid = wamid();
		TestRun.FAKE.retryAfter(Duration.ofSeconds(2));
		TestRun.FAKE.failNext(1, 429);
		Instant start = Instant.now();

		publish(InboundFixtures.valid(TENANT, wamid));

		awaitEvent(wamid);
		assertThat(Duration.between(start, deliveredOnce(wamid).receivedAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldRetryServerErrorsThenDeliverOnce() {
		String wamid = wamid();
		TestRun.FAKE.failNext(3, 503);

		publish(InboundFixtures.valid(TENANT, wamid));

		awaitEvent(wamid);
		deliveredOnce(wamid);
		assertThat(events(wamid)).hasSize(1);
	}

	@Test
	void shouldDeadLetterAGenesysRejectionWithoutRetrying() {
		String wamid = wamid();
		TestRun.FAKE.failNext(1, 400);
		int attemptsBefore = TestRun.FAKE.inboundAttempts();

		publish(InboundFixtures.valid(TENANT, wamid));

		Message dead = awaitDeadLetter(wamid);
		assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("genesys.inbound-message.400");
		assertThat(header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo("PERMANENT");
		assertThat(header(dead, DeadLetterHeaders.DETAIL)).contains("contextId=");
		assertThat(TestRun.FAKE.inboundAttempts() - attemptsBefore).isEqualTo(1);
	}

	@Test
	void shouldDeadLetterWithTheBindersHeadersWhenRetriesAreExhausted() {
		String wamid = wamid();
		TestRun.FAKE.failNext(20, 503);

		publish(InboundFixtures.valid(TestRun.RETRY_TENANT, wamid));

		Message dead = awaitDeadLetter(wamid);
		assertThat(header(dead, "x-exception-message")).isNotBlank();
		assertThat(header(dead, "x-exception-stacktrace")).contains("GenesysRetryableException");
		assertThat(header(dead, "x-original-routingKey")).isEqualTo(TestRun.WORK_QUEUE);
		assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("genesys.inbound-message.503");
		assertThat(header(dead, DeadLetterHeaders.FAILURE_CLASS)).isEqualTo("TRANSIENT");
		assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("20");
		assertThat(header(dead, DeadLetterHeaders.FIRST_FAILURE)).isNotBlank();
		assertThat(TestRun.FAKE.inboundMessages()).noneMatch((m) -> wamid.equals(m.channelMessageId()));
		assertThat(events(wamid)).isEmpty();
	}

	@Test
	void shouldAcknowledgeACopyOfADeliveredMessageWithoutCallingGenesysAgain() {
		String wamid = wamid();
		publish(InboundFixtures.valid(TENANT, wamid));
		awaitEvent(wamid);

		publish(InboundFixtures.valid(TENANT, wamid));
		String marker = wamid();
		publish(InboundFixtures.valid(TENANT, marker));
		awaitEvent(marker);

		deliveredOnce(wamid);
		assertThat(events(wamid)).hasSize(1);
	}

	@Test
	void shouldDeliverConcurrentCopiesOnce() {
		String wamid = wamid();
		byte[] body = InboundFixtures.bytes(InboundFixtures.valid(TENANT, wamid));
		TestRun.FAKE.latency(Duration.ofMillis(300));
		try {
			for (int i = 0; i < 5; i++) {
				this.probe.publish(TestRun.INBOUND_QUEUE, body, "application/json");
			}

			awaitEvent(wamid);
			String marker = wamid();
			publish(InboundFixtures.valid(TENANT, marker));
			awaitEvent(marker);
		}
		finally {
			TestRun.FAKE.latency(Duration.ZERO);
		}

		deliveredOnce(wamid);
		assertThat(events(wamid)).hasSize(1);
	}

	@Test
	void shouldFetchANewTokenWhenGenesysRefusesTheCachedOne() {
		String first = wamid();
		publish(InboundFixtures.valid(TestRun.TENANTS[1], first));
		awaitEvent(first);
		TestRun.FAKE.expireAllTokens();
		String second = wamid();

		publish(InboundFixtures.valid(TestRun.TENANTS[1], second));

		awaitEvent(second);
		deliveredOnce(second);
	}

	@Test
	void shouldDeadLetterAtOnceWhenTheOAuthClientIsRejected() {
		String wamid = wamid();

		publish(InboundFixtures.valid(TestRun.BAD_SECRET_TENANT, wamid));

		Message dead = awaitDeadLetter(wamid);
		assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("genesys.token.401");
		assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
		assertThat(header(dead, DeadLetterHeaders.DETAIL)).doesNotContain("a-wrong-secret");
	}

	@Test
	void shouldCountDeliveriesAndDeadLettersByReason() {
		double delivered = count("genesysbridge.inbound.messages", "outcome", "delivered");
		double notJson = count("genesysbridge.messages.dead.lettered", "reason", "validation.body.not-json");
		String wamid = wamid();
		String garbage = "garbage " + UUID.randomUUID();

		publish(InboundFixtures.valid(TENANT, wamid));
		this.probe.publish(TestRun.INBOUND_QUEUE, garbage.getBytes(StandardCharsets.UTF_8), "application/json");

		awaitEvent(wamid);
		awaitDeadLetter(garbage);
		assertThat(count("genesysbridge.inbound.messages", "outcome", "delivered") - delivered).isEqualTo(1.0);
		assertThat(count("genesysbridge.messages.dead.lettered", "reason", "validation.body.not-json") - notJson)
			.isEqualTo(1.0);
	}

	private double count(String name, String tag, String value) {
		var counter = this.registry.find(name).tag(tag, value).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

	private void publish(ObjectNode envelope) {
		this.probe.publish(TestRun.INBOUND_QUEUE, InboundFixtures.bytes(envelope), "application/json");
	}

	private Message awaitEvent(String wamid) {
		return this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(wamid), 1, WAIT).getFirst();
	}

	private List<Message> events(String wamid) {
		return this.probe.drain(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(wamid));
	}

	private Message awaitDeadLetter(String marker) {
		return this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(marker), 1, WAIT).getFirst();
	}

	private static RecordedInbound deliveredOnce(String wamid) {
		List<RecordedInbound> copies = TestRun.FAKE.inboundMessages()
			.stream()
			.filter((m) -> wamid.equals(m.channelMessageId()))
			.toList();
		assertThat(copies).as("messages Genesys received for " + wamid).hasSize(1);
		return copies.getFirst();
	}

	private static String header(Message message, String name) {
		Object value = message.getMessageProperties().getHeaders().get(name);
		return (value != null) ? value.toString() : null;
	}

	private static String wamid() {
		return "wamid." + UUID.randomUUID();
	}

}
