package io.genesysbridge.backend.typing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;

import io.genesysbridge.backend.resilience.DeadLetterHeaders;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer typing events from genesys-typing-events to Genesys's inbound event endpoint, end to
 * end on the real RabbitMQ with the fake Genesys.
 */
class TypingIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TENANT = TestRun.TENANTS[1];

	@Autowired
	private QueueProbe probe;

	@Autowired
	private MeterRegistry registry;

	@BeforeEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
	}

	@Test
	void shouldSendACustomerTypingEventThroughTheTenantsIntegration() {
		String customer = customer();

		publish("{\"tenantId\":\"" + TENANT + "\",\"from\":{\"id\":\"" + customer
				+ "\",\"idType\":\"Phone\"},\"timestamp\":\"" + Instant.now() + "\"}");

		RecordedInbound event = awaitEvent(customer);
		assertThat(event.integrationId()).isEqualTo(TestRun.integrationOf(TENANT));
		assertThat(event.body()).contains("\"events\":[{\"eventType\":\"Typing\"}]")
			.contains("\"from\":{\"id\":\"" + customer + "\",\"idType\":\"Phone\"}");
	}

	@Test
	void shouldRetryWhenGenesysFails() {
		String customer = customer();
		TestRun.FAKE.failNext(1, 503);

		publish("{\"tenantId\":\"" + TENANT + "\",\"from\":{\"id\":\"" + customer + "\"}}");

		assertThat(awaitEvent(customer).body()).contains("\"idType\":\"Opaque\"");
	}

	@Test
	void shouldDropATypingEventTooOldToMatter() {
		String customer = customer();
		double stale = count("stale");

		publish("{\"tenantId\":\"" + TENANT + "\",\"from\":{\"id\":\"" + customer + "\"},\"timestamp\":\""
				+ Instant.now().minus(Duration.ofMinutes(5)) + "\"}");

		Awaitility.await().atMost(WAIT).until(() -> count("stale") >= stale + 1);
		assertThat(events(customer)).isEmpty();
	}

	@Test
	void shouldDeadLetterATypingEventOfAnUnknownTenant() {
		String customer = customer();

		publish("{\"tenantId\":\"nobody-" + TestRun.ID + "\",\"from\":{\"id\":\"" + customer + "\"}}");

		Message dead = this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(customer), 1, WAIT)
			.getFirst();
		assertThat(dead.getMessageProperties().getHeaders().get(DeadLetterHeaders.REASON))
			.isEqualTo("typing.tenant.unknown");
	}

	private void publish(String json) {
		this.probe.publish(TestRun.TYPING_QUEUE, json.getBytes(StandardCharsets.UTF_8), "application/json");
	}

	private static String customer() {
		return "91" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
	}

	private static RecordedInbound awaitEvent(String customer) {
		Awaitility.await().atMost(WAIT).until(() -> !events(customer).isEmpty());
		return events(customer).getFirst();
	}

	private static List<RecordedInbound> events(String customer) {
		return TestRun.FAKE.events().stream().filter((event) -> event.body().contains(customer)).toList();
	}

	private double count(String outcome) {
		return this.registry.find(TypingMetrics.EVENTS)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
