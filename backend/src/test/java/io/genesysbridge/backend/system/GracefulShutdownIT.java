package io.genesysbridge.backend.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;

import io.genesysbridge.backend.support.InboundEnvelopes;
import io.genesysbridge.backend.support.ProcessorProcess;
import io.genesysbridge.backend.support.ProcessorRun;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.fake.FakeGenesys;
import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown, as Kubernetes does it: 2,000 messages are published, the processor (a
 * child JVM) gets SIGTERM while it is delivering them, must exit on its own within the bound
 * with 0 or 143, and a second processor then finishes the rest. Every message reaches Genesys,
 * none twice, each has its correlation event, and nothing is dead-lettered or left behind.
 */
class GracefulShutdownIT {

	private static final int MESSAGES = 2000;

	private static final int CUSTOMERS = 200;

	/** The shutdown bound: the chart's terminationGracePeriodSeconds (45) less a margin. */
	private static final Duration EXIT_BOUND = Duration.ofSeconds(40);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FakeGenesys fake;

	private ProcessorRun run;

	private final List<ProcessorProcess> processors = new ArrayList<>();

	@BeforeEach
	void start() {
		this.fake = FakeGenesys.start();
		// slow enough that SIGTERM lands mid-run, with calls in flight
		this.fake.latency(Duration.ofMillis(40));
		this.run = ProcessorRun.create(this.fake, 2);
	}

	@AfterEach
	void stop() {
		this.processors.forEach(ProcessorProcess::close);
		this.run.close();
		this.fake.close();
	}

	@Test
	void shouldFinishOrRequeueInFlightMessagesOnSigtermAndLoseNone() {
		ProcessorProcess first = start("first");
		List<String> wamids = publish();

		await().atMost(Duration.ofSeconds(120)).until(() -> delivered(wamids).size() >= MESSAGES / 10);
		long started = System.nanoTime();
		first.terminate();
		int exitCode = first.awaitExit(EXIT_BOUND);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		int deliveredByFirst = delivered(wamids).size();

		assertThat(exitCode).as("exit code, see %s", first.log()).isIn(0, 143);
		assertThat(took).isLessThan(EXIT_BOUND);
		assertThat(deliveredByFirst).as("SIGTERM landed mid-run").isLessThan(MESSAGES);
		assertThat(first.logLines()).anyMatch((line) -> line.contains("Stream consumers drained"));

		start("second");
		await().atMost(Duration.ofSeconds(180)).until(() -> delivered(wamids).size() == MESSAGES);
		List<Message> events = this.run.probe()
			.await(this.run.correlationQueue, QueueProbe.bodyContains(batchOf(wamids)), MESSAGES,
					Duration.ofSeconds(60));
		Set<String> correlated = events.stream()
			.map((event) -> JSON.readTree(event.getBody()).get("whatsapp_message_id").asString())
			.collect(Collectors.toSet());
		assertThat(correlated).containsExactlyInAnyOrderElementsOf(wamids);
		assertThat(this.fake.duplicatesSeen()).as("messages Genesys received twice").isZero();
		assertThat(this.run.probe().depth(this.run.deadLetterQueue)).isZero();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.run.probe().depth(this.run.inboundQueue) == 0
					&& this.run.probe().depth(this.run.workQueue) == 0);
	}

	private ProcessorProcess start(String name) {
		List<String> arguments = new ArrayList<>(this.run.arguments(rabbitPort(), redisPort()));
		arguments.add("--spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency=16");
		ProcessorProcess processor = ProcessorProcess.start("shutdown-" + name + "-" + this.run.id, arguments);
		this.processors.add(processor);
		return processor;
	}

	private List<String> publish() {
		String batch = "sigterm-" + UUID.randomUUID();
		List<String> wamids = new ArrayList<>();
		List<byte[]> bodies = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			String wamid = "wamid." + batch + "." + i;
			String tenant = this.run.tenants().get(i % 2);
			bodies.add(InboundEnvelopes.valid(tenant, wamid, "4477" + (1000000 + i % CUSTOMERS), "hello " + i));
			wamids.add(wamid);
		}
		this.run.probe().publishInOrder(this.run.inboundQueue, bodies);
		return wamids;
	}

	private Set<String> delivered(List<String> wamids) {
		String batch = batchOf(wamids);
		return this.fake.inboundMessages()
			.stream()
			.map(RecordedInbound::channelMessageId)
			.filter((id) -> id != null && id.contains(batch))
			.collect(Collectors.toSet());
	}

	private static String batchOf(List<String> wamids) {
		String first = wamids.getFirst();
		return first.substring(0, first.lastIndexOf('.') + 1);
	}

	private static int rabbitPort() {
		return Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672"));
	}

	private static int redisPort() {
		return Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
	}

}
