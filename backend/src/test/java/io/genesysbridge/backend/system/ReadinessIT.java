package io.genesysbridge.backend.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.genesysbridge.backend.support.InboundEnvelopes;
import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.support.ProcessorProcess;
import io.genesysbridge.backend.support.ProcessorRun;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TcpProxy;
import io.genesysbridge.fake.FakeGenesys;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness against real outages: a processor (a child JVM) reaches the shared RabbitMQ and
 * Redis through proxies that the test cuts. Readiness goes DOWN within 10 seconds of either
 * becoming unreachable and UP again on its own within 10 seconds of its return, liveness stays
 * UP throughout, {@code genesysbridge_readiness_up} follows, and messages published during the
 * outage are delivered exactly once afterwards. An open (forced) Genesys circuit shows in the
 * readiness details without failing it.
 */
class ReadinessIT {

	private static final Duration PROBE_BOUND = Duration.ofSeconds(10);

	private static final Duration DELIVERY = Duration.ofSeconds(90);

	private static final int PER_OUTAGE = 40;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static FakeGenesys fake;

	private static TcpProxy rabbit;

	private static TcpProxy redis;

	private static ProcessorRun run;

	private static ProcessorProcess processor;

	@BeforeAll
	static void startProcessor() {
		fake = FakeGenesys.start();
		rabbit = TcpProxy.toRabbit();
		redis = TcpProxy.toRedis();
		run = ProcessorRun.create(fake, 3);
		processor = ProcessorProcess.start("readiness-" + run.id, run.arguments(rabbit.port(), redis.port()));
	}

	@AfterAll
	static void stopProcessor() {
		if (processor != null) {
			processor.close();
		}
		if (run != null) {
			run.close();
		}
		rabbit.close();
		redis.close();
		fake.close();
	}

	@BeforeEach
	void everythingReachable() {
		rabbit.restore();
		redis.restore();
		awaitReadiness(200, Duration.ofSeconds(30));
	}

	@Test
	void shouldBeUnreadyWhileRedisIsUnreachableAndDeliverWhatWasPublishedMeanwhileOnce() {
		await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 1.0);
		redis.cut();
		List<String> wamids;
		try {
			awaitReadiness(503, PROBE_BOUND);
			assertThat(component("redis")).isEqualTo("DOWN");
			assertThat(processor.get("/actuator/health/liveness").status()).isEqualTo(200);
			await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 0.0);
			wamids = publish("redis-outage");
		}
		finally {
			redis.restore();
		}
		awaitReadiness(200, PROBE_BOUND);
		await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 1.0);
		assertDeliveredExactlyOnce(wamids);
	}

	@Test
	void shouldBeUnreadyWhileRabbitIsUnreachableAndDeliverWhatWasPublishedMeanwhileOnce() {
		rabbit.cut();
		List<String> wamids;
		try {
			awaitReadiness(503, PROBE_BOUND);
			assertThat(component("rabbit")).isEqualTo("DOWN");
			assertThat(processor.get("/actuator/health/liveness").status()).isEqualTo(200);
			await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 0.0);
			wamids = publish("rabbit-outage");
		}
		finally {
			rabbit.restore();
		}
		awaitReadiness(200, PROBE_BOUND);
		await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 1.0);
		assertDeliveredExactlyOnce(wamids);
	}

	@Test
	void shouldShowAnOpenCircuitInReadinessWithoutFailingIt() {
		// the third tenant is nobody else's: its circuit stays forced open until the end
		String circuit = "genesys-" + run.tenants().get(2);
		force(circuit, "FORCED_OPEN");
		try {
			await().atMost(PROBE_BOUND).until(() -> circuit(circuit).equals("FORCED_OPEN"));
			ProcessorProcess.Response readiness = processor.get("/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(200);
			JsonNode breakers = JSON.readTree(readiness.body()).path("components").path("circuitBreakers");
			assertThat(breakers.path("status").asString()).isEqualTo("UP");
			assertThat(breakers.path("details").path("open").asInt()).isGreaterThanOrEqualTo(1);
			await().atMost(PROBE_BOUND).until(() -> readinessGauge() == 1.0);
			assertThat(processor.get("/actuator/health/liveness").status()).isEqualTo(200);
		}
		finally {
			force(circuit, "CLOSED");
		}
	}

	private static void force(String circuit, String state) {
		try (LocalRedis local = LocalRedis.connect()) {
			local.template().opsForSet().add(run.key("circuit:index"), circuit).block(Duration.ofSeconds(5));
			local.template()
				.opsForHash()
				.putAll(run.key("circuit:" + circuit + ":forced"),
						Map.of("state", state, "at", String.valueOf(Instant.now().toEpochMilli()), "by", "ReadinessIT",
								"reason", "readiness must not count circuits"))
				.block(Duration.ofSeconds(5));
		}
	}

	private List<String> publish(String batch) {
		String marker = batch + "-" + UUID.randomUUID();
		List<String> wamids = new ArrayList<>();
		for (int i = 0; i < PER_OUTAGE; i++) {
			String wamid = "wamid." + marker + "." + i;
			String tenant = run.tenants().get(i % 2 == 0 ? 0 : 1);
			run.probe()
				.publish(run.inboundQueue, InboundEnvelopes.valid(tenant, wamid, "4477009" + (10000 + i % 10), "hi " + i),
						"application/json");
			wamids.add(wamid);
		}
		return wamids;
	}

	private void assertDeliveredExactlyOnce(List<String> wamids) {
		List<org.springframework.amqp.core.Message> events = run.probe()
			.await(run.correlationQueue, (m) -> wamids.stream().anyMatch((w) -> QueueProbe.body(m).contains(w + "\"")),
					wamids.size(), DELIVERY);
		Map<String, List<RecordedInbound>> received = fake.inboundMessages()
			.stream()
			.filter((m) -> wamids.contains(m.channelMessageId()))
			.collect(Collectors.groupingBy(RecordedInbound::channelMessageId));
		assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(wamids);
		assertThat(received.values()).allSatisfy((copies) -> assertThat(copies).hasSize(1));
		assertThat(events).hasSize(wamids.size());
		assertThat(run.probe().depth(run.deadLetterQueue)).isZero();
	}

	private static void awaitReadiness(int status, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> processor.get("/actuator/health/readiness").status() == status);
	}

	private static String component(String name) {
		JsonNode body = JSON.readTree(processor.get("/actuator/health/readiness").body());
		return body.path("components").path(name).path("status").asString();
	}

	private static String circuit(String name) {
		JsonNode body = JSON.readTree(processor.get("/actuator/health/readiness").body());
		return body.path("components").path("circuitBreakers").path("details").path("breakers").path(name).asString();
	}

	private static double readinessGauge() {
		for (String line : processor.get("/actuator/prometheus").body().split("\n")) {
			if (line.startsWith("genesysbridge_readiness_up")) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return -1;
	}

}
