package io.genesysbridge.console.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.amqp.core.AmqpAdmin;

import io.genesysbridge.fake.FakeGenesys;

/**
 * The real processor (the backend's executable jar, built by the same Maven run) in a
 * child JVM, on this run's queues and Redis prefixes, delivering to an in-process
 * {@link FakeGenesys}. Its actuator answers on
 * {@link ConsoleTestRun#PROCESSOR_MANAGEMENT_PORT}, where the console reads its metrics.
 */
public final class ProcessorUnderTest implements AutoCloseable {

	public static final String WORK_QUEUE = "it." + ConsoleTestRun.ID + ".work";

	public static final String CORRELATION_QUEUE = "it." + ConsoleTestRun.ID + ".correlation-events";

	private static final String DELAY_PREFIX = "it." + ConsoleTestRun.ID + ".delay.";

	private static final String[] DELAY_TIERS = { "200", "500", "1000", "2000" };

	private static final String[] OTHER_QUEUES = { "status-processed", "typing", "outbound", "status-updates",
			"webhook-ledger" };

	private final Process process;

	private final Path log;

	private ProcessorUnderTest(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the processor and waits until it reports healthy.
	 * @param fake where Genesys is
	 * @param tenants tenant ids to seed, each with client {@code client-<id>}, secret
	 * {@code secret-<id>} and integration {@code integration-<id>} (registered on the
	 * fake)
	 * @return the running processor
	 */
	public static ProcessorUnderTest start(FakeGenesys fake, List<String> tenants) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
		command.addAll(arguments(fake, tenants));
		Path log = Path.of("target", "processor-it.log").toAbsolutePath();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ProcessorUnderTest processor = new ProcessorUnderTest(process, log);
			processor.awaitHealthy(Duration.ofSeconds(150));
			return processor;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the processor", ex);
		}
	}

	private static List<String> arguments(FakeGenesys fake, List<String> tenants) {
		String id = ConsoleTestRun.ID;
		List<String> args = new ArrayList<>(List.of("--server.port=" + ConsoleTestRun.freePort(),
				"--management.server.port=" + ConsoleTestRun.PROCESSOR_MANAGEMENT_PORT,
				"--app.queues.inbound=" + ConsoleTestRun.INPUT_QUEUE, "--app.queues.work=" + WORK_QUEUE,
				"--app.queues.correlation=" + CORRELATION_QUEUE,
				"--app.queues.dead-letter=" + ConsoleTestRun.DEAD_LETTER_QUEUE,
				"--app.queues.dead-letter-exchange=" + ConsoleTestRun.DEAD_LETTER_EXCHANGE,
				"--app.queues.status-processed=it." + id + ".status-processed",
				"--app.queues.typing=it." + id + ".typing", "--app.queues.outbound-messages=it." + id + ".outbound",
				"--app.queues.status-updates=it." + id + ".status-updates",
				"--app.queues.webhook-ledger=it." + id + ".webhook-ledger",
				"--app.deferral.queue-prefix=" + DELAY_PREFIX, "--app.deferral.tiers=200ms,500ms,1s,2s",
				"--app.ordering.key-prefix=" + ConsoleTestRun.KEYS + "order:", "--app.ordering.defer-delay=200ms",
				"--app.ratelimit.key-prefix=" + ConsoleTestRun.RATE_LIMIT_PREFIX,
				"--app.ratelimit.client-per-minute=600000", "--app.ratelimit.client-burst=1000",
				"--app.circuit.key-prefix=" + ConsoleTestRun.CIRCUIT_PREFIX, "--app.circuit.wait-in-open-state=2s",
				"--app.pause.key-prefix=" + ConsoleTestRun.PAUSE_PREFIX, "--app.pause.hold-delay=500ms",
				"--app.pause.cache-ttl=100ms", "--app.tenants.key-prefix=" + ConsoleTestRun.TENANT_PREFIX,
				"--app.tenants.encryption-key=" + randomKey(),
				"--app.api.redis-key-prefix=" + ConsoleTestRun.KEYS + "apikey:",
				"--app.webhook.dedupe-key-format=" + ConsoleTestRun.KEYS + "webhook:%1$s:%2$s",
				"--app.webhook.ledger-lock-key=" + ConsoleTestRun.KEYS + "webhook:ledger-lock",
				"--app.receipts.message-key-format=" + ConsoleTestRun.KEYS + "agent-message:%s",
				"--app.receipts.status-key-format=" + ConsoleTestRun.KEYS + "receipt-status:%s",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency=16",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.max-attempts=3",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.back-off-initial-interval=10",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.back-off-max-interval=100",
				"--logging.level.root=WARN", "--logging.level.io.genesysbridge=INFO"));
		for (int i = 0; i < tenants.size(); i++) {
			String tenant = tenants.get(i);
			fake.registerClient("client-" + tenant, "secret-" + tenant);
			fake.registerIntegration("integration-" + tenant);
			String seed = "--app.tenants.seed[" + i + "].";
			args.addAll(List.of(seed + "id=" + tenant, seed + "api-base-url=" + fake.baseUrl(),
					seed + "login-base-url=" + fake.baseUrl(), seed + "client-id=client-" + tenant,
					seed + "client-secret=secret-" + tenant, seed + "integration-ids[0]=integration-" + tenant,
					seed + "rate-limit-per-minute=" + ((i == tenants.size() - 1) ? 280 : 600000),
					seed + "rate-limit-burst=" + ((i == tenants.size() - 1) ? 20 : 1000)));
		}
		return args;
	}

	private static Path jar() {
		Path target = Path.of("..", "backend", "target").toAbsolutePath().normalize();
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().matches("backend-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No processor jar in " + target
						+ ": build the backend first (./mvnw verify builds it before console-ui)"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitHealthy(Duration timeout) {
		HttpClient http = HttpClient.newHttpClient();
		URI health = URI.create("http://127.0.0.1:" + ConsoleTestRun.PROCESSOR_MANAGEMENT_PORT + "/actuator/health");
		try {
			Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"The processor exited with " + this.process.exitValue() + "; see " + this.log);
				}
				try {
					return http
						.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
								HttpResponse.BodyHandlers.ofString())
						.statusCode() == 200;
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("The processor did not become healthy in " + timeout + "; see " + this.log);
		}
	}

	/**
	 * Stops the processor and deletes the queues and exchanges it declared.
	 * @param rabbit an admin on the shared broker
	 */
	public void stop(AmqpAdmin rabbit) {
		close();
		String id = ConsoleTestRun.ID;
		for (String queue : new String[] { WORK_QUEUE, CORRELATION_QUEUE }) {
			rabbit.deleteQueue(queue);
			rabbit.deleteExchange(queue);
		}
		for (String tier : DELAY_TIERS) {
			rabbit.deleteQueue(DELAY_PREFIX + tier);
		}
		for (String other : OTHER_QUEUES) {
			rabbit.deleteQueue("it." + id + "." + other);
			rabbit.deleteExchange("it." + id + "." + other);
		}
		rabbit.deleteExchange(ConsoleTestRun.INPUT_QUEUE);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
