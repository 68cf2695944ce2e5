package io.genesysbridge.console.support;

import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One test JVM's private world on the shared RabbitMQ and Redis: every queue name and
 * Redis prefix of the console (and of the processor the browser test starts) carries a
 * random run id, so runs never meet each other's leftovers; {@link #cleanUp()} removes
 * them.
 */
public final class ConsoleTestRun {

	public static final String ID = UUID.randomUUID().toString().substring(0, 8);

	public static final String DEAD_LETTER_QUEUE = "it." + ID + ".genesys-api.dlq";

	public static final String DEAD_LETTER_EXCHANGE = "it." + ID + ".genesys-api.dlx";

	public static final String INPUT_QUEUE = "it." + ID + ".genesys.outbound.ready";

	public static final String KEYS = "it:" + ID + ":";

	public static final String DEAD_LETTER_PREFIX = KEYS + "{deadletters}:";

	public static final String TENANT_PREFIX = KEYS + "tenant:";

	public static final String PAUSE_PREFIX = KEYS + "paused:";

	public static final String RATE_LIMIT_PREFIX = KEYS + "rl:";

	public static final String CIRCUIT_PREFIX = KEYS + "circuit:";

	public static final String AUDIT_KEY = KEYS + "audit";

	/**
	 * The processor's actuator port in the browser test, chosen up front so the console's
	 * metrics reader can point at it (nothing listens there in the other tests).
	 */
	public static final int PROCESSOR_MANAGEMENT_PORT = freePort();

	/** The password of every test user (admin, operator, viewer). */
	public static final String PASSWORD = "test-password-" + ID;

	private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private ConsoleTestRun() {
	}

	/**
	 * @param name a short name
	 * @return a tenant id of this run
	 */
	public static String tenantId(String name) {
		return "it-" + ID + "-" + name;
	}

	/**
	 * Points the console at this run's queues and keys, with users admin, operator and
	 * viewer.
	 * @param registry the test's property registry
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("console.dead-letters.queue", () -> DEAD_LETTER_QUEUE);
		registry.add("console.dead-letters.input-queue", () -> INPUT_QUEUE);
		registry.add("console.dead-letters.key-prefix", () -> DEAD_LETTER_PREFIX);
		registry.add("console.dead-letters.retention.interval", () -> "1s");
		registry.add("console.tenants.key-prefix", () -> TENANT_PREFIX);
		registry.add("console.tenants.pause-key-prefix", () -> PAUSE_PREFIX);
		registry.add("console.tenants.rate-limit-key-prefix", () -> RATE_LIMIT_PREFIX);
		registry.add("console.tenants.client-per-minute", () -> 600_000);
		registry.add("console.tenants.client-burst", () -> 1000);
		registry.add("console.circuits.key-prefix", () -> CIRCUIT_PREFIX);
		registry.add("console.audit.key", () -> AUDIT_KEY);
		registry.add("console.security.key-prefix", () -> KEYS + "login:");
		registry.add("console.security.login.initial-delay", () -> "3s");
		registry.add("console.replay.recovery-interval", () -> "1s");
		registry.add("console.replay.stale-after", () -> "3s");
		registry.add("console.metrics.interval", () -> "1s");
		registry.add("console.metrics.prometheus-urls",
				() -> "http://127.0.0.1:" + PROCESSOR_MANAGEMENT_PORT + "/actuator/prometheus");
		registry.add("server.servlet.session.cookie.secure", () -> "false");
		String[][] users = { { "admin", "ADMIN" }, { "operator", "OPERATOR" }, { "viewer", "VIEWER" } };
		for (int i = 0; i < users.length; i++) {
			String[] user = users[i];
			registry.add("console.security.users[" + i + "].username", () -> user[0]);
			registry.add("console.security.users[" + i + "].password-hash", () -> HASH);
			registry.add("console.security.users[" + i + "].roles[0]", () -> user[1]);
		}
	}

	/**
	 * @return a TCP port nobody listens on right now
	 */
	public static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Deletes this run's Redis keys (console's and processor's) and queues.
	 * @param rabbit an admin on the shared broker
	 */
	public static void cleanUp(org.springframework.amqp.core.AmqpAdmin rabbit) {
		try (LocalRedis redis = LocalRedis.connect()) {
			redis.deleteMatching(KEYS + "*");
			redis.deleteMatching("genesys:dedupe:it-" + ID + "-*");
			redis.deleteMatching("tenant:it-" + ID + "-*");
		}
		rabbit.deleteQueue(DEAD_LETTER_QUEUE);
		rabbit.deleteQueue(INPUT_QUEUE);
		rabbit.deleteExchange(DEAD_LETTER_EXCHANGE);
	}

}
