package io.genesysbridge.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * The real processor (this module's executable jar, built in {@code package}, before failsafe
 * runs) as a child JVM, for what one shared test context cannot show: readiness with its own
 * RabbitMQ and Redis connections cut, and SIGTERM. Its output (JSON lines) goes to
 * {@code target/<name>-<run id>.log}. A JVM shutdown hook kills it if the test JVM dies first.
 */
public final class ProcessorProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final Path log;

	private final int managementPort;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Thread killer;

	private ProcessorProcess(Process process, Path log, int managementPort) {
		this.process = process;
		this.log = log;
		this.managementPort = managementPort;
		this.killer = new Thread(process::destroyForcibly);
		Runtime.getRuntime().addShutdownHook(this.killer);
	}

	/**
	 * Starts the processor and waits until its readiness group is UP.
	 * @param name names the log file
	 * @param arguments application arguments, e.g. {@link ProcessorRun#arguments}
	 * @return the ready processor
	 */
	public static ProcessorProcess start(String name, List<String> arguments) {
		int managementPort = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + freePort(),
				"--management.server.port=" + managementPort));
		command.addAll(arguments);
		Path log = Path.of("target", name + ".log").toAbsolutePath();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			ProcessorProcess processor = new ProcessorProcess(process, log, managementPort);
			processor.awaitReady();
			return processor;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start the processor", ex);
		}
	}

	private void awaitReady() {
		Awaitility.await("processor ready, see " + this.log)
			.atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(
							"the processor exited with " + this.process.exitValue() + "; see " + this.log);
				}
				return get("/actuator/health/readiness").status() == 200;
			});
	}

	/**
	 * @param path a path on the management port, e.g. {@code /actuator/health/readiness}
	 * @return status and body; status 0 when nothing answered
	 */
	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build());
	}

	/**
	 * @param path a path on the management port
	 * @param json the JSON body
	 * @return status and body; status 0 when nothing answered
	 */
	public Response post(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Response(0, "");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Response(0, "");
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	/** Sends SIGTERM ({@link Process#destroy()} on Linux), as Kubernetes does. */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * @param timeout how long to wait
	 * @return the exit code, or -1 if the process was still running at the timeout
	 */
	public int awaitExit(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? this.process.exitValue() : -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * @return every line the processor wrote so far
	 */
	public List<String> logLines() {
		try {
			return Files.readAllLines(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path log() {
		return this.log;
	}

	/** Stops the processor (SIGTERM, then SIGKILL after 60 seconds) if it still runs. */
	@Override
	public void close() {
		if (this.process.isAlive()) {
			terminate();
			if (awaitExit(Duration.ofSeconds(60)) == -1) {
				this.process.destroyForcibly();
			}
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.killer);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already; the hook runs anyway
		}
	}

	private static Path jar() {
		Path target = Path.of("target").toAbsolutePath();
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().matches("backend-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No processor jar in " + target + ": run the integration tests with ./mvnw verify"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An HTTP answer of the management port.
	 *
	 * @param status the status code, 0 when nothing answered
	 * @param body the body
	 */
	public record Response(int status, String body) {
	}

}
