package io.genesysbridge.backend.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.genesysbridge.backend.pause.TenantPauses;
import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rate limits, circuit breakers, pause and per-conversation order on the real RabbitMQ and
 * Redis: whatever must wait is deferred, delivered exactly once later, in conversation order,
 * and never dead-lettered.
 */
class ResilienceIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static LocalRedis redis;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private TenantPauses pauses;

	@Autowired
	private CircuitBreakerRegistry circuits;

	@Autowired
	private MeterRegistry meters;

	@BeforeAll
	static void connect() {
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

	@AfterEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
		this.pauses.resume(TestRun.PAUSED_TENANT).block();
	}

	@Test
	void shouldHoldALimitedTenantToItsRateAndDeferTheRest() {
		String batch = "limited-" + UUID.randomUUID();
		double deferredBefore = deferred(TestRun.LIMITED_TENANT, "ratelimit");

		List<String> wamids = publish(TestRun.LIMITED_TENANT, batch, 8, true);

		awaitEvents(batch, 8);
		List<Instant> arrivals = received(wamids).stream().map(RecordedInbound::receivedAt).sorted().toList();
		for (int i = 1; i < arrivals.size(); i++) {
			assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i)))
				.as("gap before delivery %d at 120/min", i)
				.isGreaterThanOrEqualTo(Duration.ofMillis(400));
		}
		assertThat(deferred(TestRun.LIMITED_TENANT, "ratelimit")).isGreaterThan(deferredBefore);
		assertNoDeadLetters(batch);
	}

	@Test
	void shouldDeferWhileTheCircuitIsOpenThenDeliverEverythingOnce() {
		String batch = "breaker-" + UUID.randomUUID();
		double deferredBefore = deferred(TestRun.BREAKER_TENANT, "circuit.open");
		TestRun.FAKE.failNext(30, 503);

		List<String> wamids = publish(TestRun.BREAKER_TENANT, batch, 20, true);

		awaitEvents(batch, 20);
		assertThat(received(wamids)).hasSize(20);
		assertThat(deferred(TestRun.BREAKER_TENANT, "circuit.open")).isGreaterThan(deferredBefore);
		List<String> transitions = redis.template()
			.opsForList()
			.range("it:" + TestRun.ID + ":circuit:genesys-" + TestRun.BREAKER_TENANT + ":transitions", 0, -1)
			.collectList()
			.block();
		assertThat(transitions).anySatisfy((t) -> assertThat(t).contains("\"to\":\"OPEN\"").contains("failure rate"));
		assertThat(transitions.getFirst()).contains("\"to\":\"CLOSED\"");
		assertThat(this.meters.find("resilience4j.circuitbreaker.state").tag("name", "genesys-" + TestRun.BREAKER_TENANT)
			.gauges()).isNotEmpty();
		assertNoDeadLetters(batch);
	}

	@Test
	void shouldDeliverAConversationInPublishOrderDespiteTransientFailures() {
		String batch = "ordered-" + UUID.randomUUID();
		TestRun.FAKE.failRandomly(0.3, 503, 7);

		List<String> wamids = publish(TestRun.ORDERED_TENANT, batch, 30, false);

		awaitEvents(batch, 30);
		assertThat(inArrivalOrder(wamids)).containsExactlyElementsOf(wamids);
		assertNoDeadLetters(batch);
	}

	@Test
	void shouldHoldAPausedTenantAndReleaseItInOrderOnResume() {
		String batch = "paused-" + UUID.randomUUID();
		this.pauses.pause(TestRun.PAUSED_TENANT, "test", "maintenance").block();

		List<String> wamids = publish(TestRun.PAUSED_TENANT, batch, 10, false);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> received(wamids).isEmpty());
		this.pauses.resume(TestRun.PAUSED_TENANT).block();

		awaitEvents(batch, 10);
		assertThat(inArrivalOrder(wamids)).containsExactlyElementsOf(wamids);
		assertThat(deferred(TestRun.PAUSED_TENANT, "tenant.paused")).isPositive();
		assertNoDeadLetters(batch);
	}

	@Test
	void shouldApplyAForcedStateWrittenToRedis() {
		String name = "genesys-" + TestRun.BREAKER_TENANT;
		String forced = "it:" + TestRun.ID + ":circuit:" + name + ":forced";
		redis.template().opsForSet().add("it:" + TestRun.ID + ":circuit:index", name).block();
		redis.template()
			.opsForHash()
			.putAll(forced, Map.of("state", "FORCED_OPEN", "at", String.valueOf(System.currentTimeMillis()), "by",
					"test", "reason", "maintenance"))
			.block();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.circuits.circuitBreaker(name).getState() == CircuitBreaker.State.FORCED_OPEN);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<String> newest = redis.template()
				.opsForList()
				.range("it:" + TestRun.ID + ":circuit:" + name + ":transitions", 0, 1)
				.collectList()
				.block();
			assertThat(newest.getFirst()).contains("\"to\":\"FORCED_OPEN\"").contains("by test: maintenance");
			assertThat(newest).filteredOn((t) -> t.contains("maintenance")).as("one entry per forced command")
				.hasSize(1);
		});
		String batch = "forced-" + UUID.randomUUID();

		List<String> wamids = publish(TestRun.BREAKER_TENANT, batch, 1, false);
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> received(wamids).isEmpty());
		redis.template()
			.opsForHash()
			.putAll(forced, Map.of("state", "CLOSED", "at", String.valueOf(System.currentTimeMillis() + 1), "by",
					"test", "reason", "done"))
			.block();

		awaitEvents(batch, 1);
		assertThat(received(wamids)).hasSize(1);
	}

	private List<String> publish(String tenant, String batch, int count, boolean distinctCustomers) {
		List<String> wamids = new ArrayList<>();
		List<byte[]> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String wamid = "wamid." + batch + "." + i;
			ObjectNode envelope = InboundFixtures.valid(tenant, wamid);
			String customer = distinctCustomers ? "4915550" + i : "4915559999";
			envelope.withObjectProperty("genesysPayload").withObjectProperty("channel").withObjectProperty("from")
				.put("id", customer);
			bodies.add(InboundFixtures.bytes(envelope));
			wamids.add(wamid);
		}
		this.probe.publishInOrder(TestRun.INBOUND_QUEUE, bodies);
		return wamids;
	}

	private void awaitEvents(String batch, int count) {
		this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(batch), count, WAIT);
	}

	private static List<RecordedInbound> received(List<String> wamids) {
		List<RecordedInbound> received = TestRun.FAKE.inboundMessages()
			.stream()
			.filter((m) -> wamids.contains(m.channelMessageId()))
			.toList();
		assertThat(received).extracting(RecordedInbound::channelMessageId).doesNotHaveDuplicates();
		return received;
	}

	private static List<String> inArrivalOrder(List<String> wamids) {
		return received(wamids).stream()
			.sorted(Comparator.comparing(RecordedInbound::receivedAt))
			.map(RecordedInbound::channelMessageId)
			.toList();
	}

	private void assertNoDeadLetters(String batch) {
		assertThat(this.probe.drain(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(batch))).isEmpty();
	}

	private double deferred(String tenant, String reason) {
		var counter = this.meters.find("genesysbridge.messages.deferred")
			.tag("reason", reason)
			.tag("tenant", tenant)
			.counter();
		return (counter != null) ? counter.count() : 0.0;
	}

}
