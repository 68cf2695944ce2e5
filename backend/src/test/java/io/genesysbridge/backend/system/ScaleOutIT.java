package io.genesysbridge.backend.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Queue;

import io.genesysbridge.backend.support.InboundEnvelopes;
import io.genesysbridge.backend.support.LocalRabbit;
import io.genesysbridge.backend.support.ProcessorProcess;
import io.genesysbridge.backend.support.ProcessorRun;
import io.genesysbridge.fake.FakeGenesys;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two processor replicas (child JVMs) on quorum queues, configured as docs/scale-out.md says:
 * {@code app.queues.type=quorum} and the binder's quorum settings. Both deliver, exactly one
 * numbers the contract queue, every conversation reaches Genesys in publish order and once; when
 * the active sequencer's replica is terminated, the other takes over and the next messages keep
 * their order too. The test publishes with confirms, as producers to a quorum queue must.
 */
class ScaleOutIT {

	private static final int CUSTOMERS = 30;

	private FakeGenesys fake;

	/** Tenant 1's limit: 150 of the 300 messages take about 7.5 s. */
	private static final int LIMITED_PER_SECOND = 20;

	private ProcessorRun run;

	private final List<ProcessorProcess> replicas = new ArrayList<>();

	@BeforeEach
	void start() {
		this.fake = FakeGenesys.start();
		this.fake.latency(Duration.ofMillis(10));
		this.run = ProcessorRun.create(this.fake, 2);
		this.run.limit(this.run.tenants().get(1), LIMITED_PER_SECOND * 60, 1);
	}

	@AfterEach
	void stop() {
		this.replicas.forEach(ProcessorProcess::close);
		this.run.close();
		this.fake.close();
	}

	@Test
	void shouldShareTheWorkKeepEveryConversationInOrderAndFailOverTheSequencer() {
		ProcessorProcess first = start("a");
		ProcessorProcess second = start("b");
		assertThat(contractQueueType()).isEqualTo("quorum");

		List<String> before = publish("before", 300);
		awaitDeliveredInOrder(before);
		// Two replicas each with a limiter of its own would let about twice the limit through, in
		// every second. The sustained rate is the limiter's own figure. The busiest second also
		// carries whatever delays a call between its permit and the fake recording it: on a busy
		// CI machine running three JVMs, stalls of a replica bunch calls (23 and 25 were seen with
		// the sustained rate within the limit), so it is only checked well below twice the limit.
		List<Instant> calls = callsOf(this.run.tenants().get(1), before);
		assertThat(sustainedRate(calls)).as("the limited tenant's calls per second at Genesys, first to last call")
			.isLessThanOrEqualTo(LIMITED_PER_SECOND * 1.05);
		assertThat(busiestSecond(calls))
			.as("the limited tenant's busiest second at Genesys, both replicas calling through one limiter")
			.isLessThanOrEqualTo(LIMITED_PER_SECOND * 3 / 2);

		assertThat(delivered(first)).as("replica a delivered").isPositive();
		assertThat(delivered(second)).as("replica b delivered").isPositive();
		assertThat(List.of(routed(first), routed(second))).as("messages numbered by each replica's sequencer")
			.containsOnlyOnce(0.0)
			.contains(300.0);

		ProcessorProcess active = (routed(first) > 0) ? first : second;
		ProcessorProcess standby = (active == first) ? second : first;
		active.terminate();
		assertThat(active.awaitExit(Duration.ofSeconds(45))).as("exit code, see %s", active.log()).isIn(0, 143);

		List<String> after = publish("after", 100);
		awaitDeliveredInOrder(after);
		assertThat(routed(standby)).as("the standby took over the contract queue").isEqualTo(100.0);
		assertThat(this.fake.duplicatesSeen()).as("messages Genesys received twice").isZero();
		assertThat(this.run.probe().depth(this.run.deadLetterQueue)).isZero();
	}

	/** When Genesys received the calls for the tenant's integration, in order. */
	private List<Instant> callsOf(String tenant, List<String> wamids) {
		return received(wamids).stream()
			.filter((call) -> call.integrationId().equals(ProcessorRun.integrationOf(tenant)))
			.map(RecordedInbound::receivedAt)
			.sorted()
			.toList();
	}

	/** Calls per second between the first and the last call, the first one (the burst) not counted. */
	private static double sustainedRate(List<Instant> at) {
		assertThat(at).hasSizeGreaterThan(2);
		return (at.size() - 1) / (Duration.between(at.getFirst(), at.getLast()).toNanos() / 1e9);
	}

	/** Most calls in any 1 s window. */
	private static int busiestSecond(List<Instant> at) {
		int busiest = 0;
		for (int first = 0, last = 0; first < at.size(); first++) {
			while (last < at.size() && at.get(last).isBefore(at.get(first).plusSeconds(1))) {
				last++;
			}
			busiest = Math.max(busiest, last - first);
		}
		return busiest;
	}

	private ProcessorProcess start(String name) {
		List<String> arguments = new ArrayList<>(this.run.arguments(port("RABBITMQ_PORT", 5672), port("REDIS_PORT", 6379)));
		arguments.addAll(List.of("--app.queues.type=quorum",
				"--spring.cloud.stream.rabbit.default.consumer.quorum.enabled=true",
				"--spring.cloud.stream.rabbit.default.consumer.dlq-quorum.enabled=true",
				"--spring.cloud.stream.rabbit.default.producer.quorum.enabled=true",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency=8"));
		ProcessorProcess replica = ProcessorProcess.start("scale-out-" + name + "-" + this.run.id, arguments);
		this.replicas.add(replica);
		return replica;
	}

	private List<String> publish(String label, int count) {
		String batch = label + "-" + UUID.randomUUID();
		List<String> wamids = new ArrayList<>();
		List<byte[]> bodies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String wamid = "wamid." + batch + "." + i;
			bodies.add(InboundEnvelopes.valid(this.run.tenants().get(i % 2), wamid, customer(i), "hello " + i));
			wamids.add(wamid);
		}
		try (LocalRabbit rabbit = LocalRabbit.connect()) {
			rabbit.publishConfirmed(this.run.inboundQueue, bodies);
		}
		return wamids;
	}

	private void awaitDeliveredInOrder(List<String> wamids) {
		try {
			await().atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> received(wamids).size() == wamids.size());
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(diagnostics(wamids), ex);
		}
		Map<String, List<String>> published = byConversation(wamids);
		Map<String, List<String>> arrived = byConversation(received(wamids).stream()
			.sorted(Comparator.comparing(RecordedInbound::receivedAt))
			.map(RecordedInbound::channelMessageId)
			.toList());
		assertThat(arrived).as("each conversation in publish order").isEqualTo(published);
	}

	private String diagnostics(List<String> wamids) {
		StringBuilder text = new StringBuilder("received " + received(wamids).size() + " of " + wamids.size()
				+ "; queue depths: contract " + this.run.probe().depth(this.run.inboundQueue) + ", work "
				+ this.run.probe().depth(this.run.workQueue) + ", dead letters "
				+ this.run.probe().depth(this.run.deadLetterQueue));
		for (ProcessorProcess replica : this.replicas) {
			text.append("\nreplica ").append(replica.log()).append(':');
			replica.get("/actuator/prometheus")
				.body()
				.lines()
				.filter((line) -> line.startsWith("genesysbridge_") && !line.contains("_bucket"))
				.forEach((line) -> text.append("\n  ").append(line));
		}
		return text.toString();
	}

	/**
	 * Groups message ids by conversation (tenant plus customer, both derived from the index).
	 */
	private static Map<String, List<String>> byConversation(List<String> wamids) {
		Map<String, List<String>> conversations = new LinkedHashMap<>();
		for (String wamid : wamids) {
			int index = Integer.parseInt(wamid.substring(wamid.lastIndexOf('.') + 1));
			conversations.computeIfAbsent((index % 2) + "/" + customer(index), (key) -> new ArrayList<>()).add(wamid);
		}
		return conversations;
	}

	private List<RecordedInbound> received(List<String> wamids) {
		String batch = wamids.getFirst().substring(0, wamids.getFirst().lastIndexOf('.') + 1);
		return this.fake.inboundMessages()
			.stream()
			.filter((message) -> message.channelMessageId() != null && message.channelMessageId().startsWith(batch))
			.toList();
	}

	private String contractQueueType() {
		try (LocalRabbit rabbit = LocalRabbit.connect()) {
			return rabbit.typeOf(new Queue(this.run.inboundQueue, true, false, false,
					Map.of("x-queue-type", "quorum", "x-single-active-consumer", true)));
		}
	}

	private static double delivered(ProcessorProcess replica) {
		return metric(replica, "genesysbridge_inbound_messages_total", "\"delivered\"");
	}

	private static double routed(ProcessorProcess replica) {
		return metric(replica, "genesysbridge_ordering_routed_total", "");
	}

	private static double metric(ProcessorProcess replica, String name, String filter) {
		return replica.get("/actuator/prometheus")
			.body()
			.lines()
			.filter((line) -> line.startsWith(name) && line.contains(filter))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private static String customer(int index) {
		return "4478" + (2000000 + index % CUSTOMERS);
	}

	private static int port(String variable, int fallback) {
		return Integer.parseInt(System.getenv().getOrDefault(variable, String.valueOf(fallback)));
	}

}
