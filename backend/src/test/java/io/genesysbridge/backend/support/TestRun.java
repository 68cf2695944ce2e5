package io.genesysbridge.backend.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.genesysbridge.fake.FakeGenesys;

/**
 * One test JVM's private world on the shared RabbitMQ and Redis: queue names, Redis prefixes and
 * tenant ids all carry a random run id, so runs never meet each other's leftovers, and
 * {@link TestResourcesCleaner} removes them at the end. Genesys is a {@link FakeGenesys}.
 */
public final class TestRun {

	public static final String ID = UUID.randomUUID().toString().substring(0, 8);

	public static final String INBOUND_QUEUE = "it." + ID + ".genesys.outbound.ready";

	public static final String CORRELATION_QUEUE = "it." + ID + ".correlation-events";

	public static final String DEAD_LETTER_QUEUE = "it." + ID + ".genesys-api.dlq";

	public static final String DEAD_LETTER_EXCHANGE = "it." + ID + ".genesys-api.dlx";

	public static final String TENANT_KEY_PREFIX = "it:" + ID + ":tenant:";

	/** Three healthy tenants, each with its own OAuth client and integration. */
	public static final String[] TENANTS = { tenantId("a"), tenantId("b"), tenantId("c") };

	public static final String DISABLED_TENANT = tenantId("disabled");

	public static final String BAD_SECRET_TENANT = tenantId("bad-secret");

	public static final FakeGenesys FAKE = startFake();

	private TestRun() {
	}

	public static String tenantId(String name) {
		return "it-" + ID + "-" + name;
	}

	public static String integrationOf(String tenantId) {
		return "integration-" + tenantId;
	}

	private static FakeGenesys startFake() {
		FakeGenesys fake = FakeGenesys.start();
		for (String tenant : TENANTS) {
			fake.registerClient("client-" + tenant, "secret-" + tenant);
			fake.registerIntegration(integrationOf(tenant));
		}
		fake.registerClient("client-" + BAD_SECRET_TENANT, "the-real-secret");
		fake.registerIntegration(integrationOf(BAD_SECRET_TENANT));
		Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
		return fake;
	}

	/**
	 * Points the processor at this run's queues, tenants and fake Genesys, with fast binder retry.
	 * @param registry the test's property registry
	 */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("app.queues.inbound", () -> INBOUND_QUEUE);
		registry.add("app.queues.correlation", () -> CORRELATION_QUEUE);
		registry.add("app.queues.dead-letter", () -> DEAD_LETTER_QUEUE);
		registry.add("app.queues.dead-letter-exchange", () -> DEAD_LETTER_EXCHANGE);
		registry.add("app.tenants.key-prefix", () -> TENANT_KEY_PREFIX);
		registry.add("app.tenants.encryption-key", TestRun::randomKey);
		int index = 0;
		for (String tenant : TENANTS) {
			seed(registry, index++, tenant, "secret-" + tenant, true);
		}
		seed(registry, index++, DISABLED_TENANT, "secret", false);
		seed(registry, index, BAD_SECRET_TENANT, "a-wrong-secret", true);
		String binding = "spring.cloud.stream.bindings.inbound-in-0.consumer.";
		registry.add(binding + "max-attempts", () -> 20);
		registry.add(binding + "back-off-initial-interval", () -> 10);
		registry.add(binding + "back-off-multiplier", () -> 2.0);
		registry.add(binding + "back-off-max-interval", () -> 100);
	}

	private static void seed(DynamicPropertyRegistry registry, int index, String tenant, String secret,
			boolean enabled) {
		String prefix = "app.tenants.seed[" + index + "].";
		registry.add(prefix + "id", () -> tenant);
		registry.add(prefix + "api-base-url", FAKE::baseUrl);
		registry.add(prefix + "login-base-url", FAKE::baseUrl);
		registry.add(prefix + "client-id", () -> "client-" + tenant);
		registry.add(prefix + "client-secret", () -> secret);
		registry.add(prefix + "integration-ids[0]", () -> integrationOf(tenant));
		registry.add(prefix + "enabled", () -> enabled);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
