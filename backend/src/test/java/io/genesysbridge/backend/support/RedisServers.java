package io.genesysbridge.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.lettuce.core.cluster.SlotHash;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throwaway Redis topologies for the tests that prove the bridge's Redis use works beyond one
 * instance: a 3-master Redis Cluster and a master watched by one Sentinel, each a set of
 * {@code redis-server} child processes on free high ports, in a temporary directory, persisting
 * nothing. The shared RedisServers never touch the Redis other tests use.
 *
 * <p>
 * Each topology is started once per test JVM ({@link #cluster()}, {@link #sentinel()}) and
 * stopped when the JVM exits. Tests reach it only through Spring Boot's own properties
 * ({@link #run}), the way an operator configures the processor, and are skipped where
 * {@code redis-server} is not installed.
 */
public final class RedisServers implements AutoCloseable {

	/** The Sentinel master name the tests use. */
	public static final String SENTINEL_MASTER = "genesys-bridge-test";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static @Nullable RedisServers cluster;

	private static @Nullable RedisServers sentinel;

	private final Path directory;

	private final List<Process> processes = new ArrayList<>();

	private final List<String> properties = new ArrayList<>();

	private RedisServers(String kind) {
		try {
			this.directory = Files.createTempDirectory("genesys-bridge-redis-" + kind + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return a Redis Cluster of three masters without replicas, shared by this JVM's tests
	 */
	public static synchronized RedisServers cluster() {
		requireRedisInstalled();
		if (cluster == null) {
			cluster = stopAtExit(startCluster());
		}
		return cluster;
	}

	/**
	 * @return one master and one Sentinel monitoring it as {@link #SENTINEL_MASTER}, shared by
	 * this JVM's tests
	 */
	public static synchronized RedisServers sentinel() {
		requireRedisInstalled();
		if (sentinel == null) {
			sentinel = stopAtExit(startSentinel());
		}
		return sentinel;
	}

	/**
	 * Runs a test against this topology through a context holding only Boot's Redis
	 * auto-configuration, set up by {@link #bootProperties()}.
	 * @param test receives the reactive template the processor's components use
	 */
	public void run(Consumer<ReactiveStringRedisTemplate> test) {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
			.withPropertyValues(bootProperties())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
				assertThat(factory.isClusterAware() || factory.isRedisSentinelAware()).isTrue();
				test.accept(context.getBean(ReactiveStringRedisTemplate.class));
			});
	}

	/**
	 * Runs a test against this topology with the blocking template (the console's), through a
	 * context holding only Boot's Redis auto-configuration.
	 * @param test receives the blocking template
	 */
	public void runBlocking(Consumer<StringRedisTemplate> test) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues(bootProperties())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(LettuceConnectionFactory.class).isClusterAware()
						|| context.getBean(LettuceConnectionFactory.class).isRedisSentinelAware())
					.isTrue();
				test.accept(context.getBean(StringRedisTemplate.class));
			});
	}

	/**
	 * @param key a Redis key
	 * @return which of {@link #cluster()}'s three masters holds the key: {@code redis-cli
	 * --cluster create} splits the 16384 slots evenly (0–5460, 5461–10922, 10923–16383)
	 */
	public static int clusterMaster(String key) {
		int slot = SlotHash.getSlot(key);
		return (slot < 5461) ? 0 : (slot < 10923) ? 1 : 2;
	}

	/**
	 * @return the {@code spring.data.redis.*} properties that point Boot at this topology
	 */
	public String[] bootProperties() {
		return this.properties.toArray(String[]::new);
	}

	private static RedisServers startCluster() {
		RedisServers servers = new RedisServers("cluster");
		List<String> nodes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			int port = freePort();
			servers.startServer(List.of("--port", String.valueOf(port), "--cluster-enabled", "yes",
					"--cluster-config-file", servers.directory.resolve("nodes-" + port + ".conf").toString(),
					"--cluster-node-timeout", "5000"), port);
			nodes.add("127.0.0.1:" + port);
		}
		List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		create.addAll(nodes);
		create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		servers.exec(create);
		for (String node : nodes) {
			int port = Integer.parseInt(node.substring(node.indexOf(':') + 1));
			await("cluster state of " + node).atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> servers.cli(port, "cluster", "info").contains("cluster_state:ok"));
		}
		servers.properties.add("spring.data.redis.cluster.nodes=" + String.join(",", nodes));
		return servers;
	}

	private static RedisServers startSentinel() {
		RedisServers servers = new RedisServers("sentinel");
		int master = freePort();
		servers.startServer(List.of("--port", String.valueOf(master)), master);
		int port = freePort();
		Path config = servers.directory.resolve("sentinel.conf");
		write(config, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + servers.directory,
				"sentinel monitor " + SENTINEL_MASTER + " 127.0.0.1 " + master + " 1",
				"sentinel down-after-milliseconds " + SENTINEL_MASTER + " 5000", ""));
		servers.launch(List.of("redis-server", config.toString(), "--sentinel"), "sentinel-" + port);
		await("sentinel on " + port).atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> servers.cli(port, "sentinel", "get-master-addr-by-name", SENTINEL_MASTER)
				.contains(String.valueOf(master)));
		servers.properties.add("spring.data.redis.sentinel.master=" + SENTINEL_MASTER);
		servers.properties.add("spring.data.redis.sentinel.nodes=127.0.0.1:" + port);
		return servers;
	}

	private void startServer(List<String> options, int port) {
		List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--save", "",
				"--appendonly", "no", "--daemonize", "no", "--dir", this.directory.toString()));
		command.addAll(options);
		launch(command, "redis-" + port);
		await("redis-server on " + port).atMost(START_TIMEOUT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> cli(port, "ping").contains("PONG"));
	}

	private void launch(List<String> command, String name) {
		try {
			this.processes.add(new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.directory.resolve(name + ".log").toFile())
				.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String cli(int port, String... arguments) {
		List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
		command.addAll(List.of(arguments));
		return exec(command);
	}

	private String exec(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + command);
			}
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind is harmless
		}
	}

	private static RedisServers stopAtExit(RedisServers servers) {
		Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "redis-servers-stop"));
		return servers;
	}

	/**
	 * A free port whose cluster bus port (+10000) is free too.
	 */
	private static int freePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 50000);
			if (free(port) && free(port + 10000)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port pair found");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireRedisInstalled() {
		boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((dir) -> Files.isExecutable(Path.of(dir, "redis-server"))
					&& Files.isExecutable(Path.of(dir, "redis-cli")));
		assertThat(installed).as("redis-server and redis-cli on the PATH (bin/test installs them)").isTrue();
	}

}
