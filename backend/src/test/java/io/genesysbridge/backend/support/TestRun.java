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

	public static final String WORK_QUEUE = "it." + ID + ".work";

	public static final String DELAY_QUEUE_PREFIX = "it." + ID + ".delay.";

	/** Delay tiers of the test run (short, so deferral tests stay fast). */
	public static final String[] DELAY_TIERS = { "200ms", "500ms", "1s", "2s" };

	public static final String CORRELATION_QUEUE = "it." + ID + ".correlation-events";

	public static final String STATUS_PROCESSED_QUEUE = "it." + ID + ".genesys-status-processed";

	public static final String TYPING_QUEUE = "it." + ID + ".genesys-typing-events";

	public static final String OUTBOUND_MESSAGES_QUEUE = "it." + ID + ".outbound-genesys-messages";

	public static final String STATUS_UPDATES_QUEUE = "it." + ID + ".genesys-status-updates";

	public static final String WEBHOOK_LEDGER_QUEUE = "it." + ID + ".webhook-ledger";

	public static final String DEAD_LETTER_QUEUE = "it." + ID + ".genesys-api.dlq";

	public static final String DEAD_LETTER_EXCHANGE = "it." + ID + ".genesys-api.dlx";

	public static final String TENANT_KEY_PREFIX = "it:" + ID + ":tenant:";

	/** Three healthy tenants, each with its own OAuth client and integration. */
	public static final String[] TENANTS = { tenantId("a"), tenantId("b"), tenantId("c") };

	public static final String DISABLED_TENANT = tenantId("disabled");

	/** Tenants that tests break on purpose (exhausted retries, open circuits, pauses, limits). */
	public static final String RETRY_TENANT = tenantId("retry");

	public static final String BREAKER_TENANT = tenantId("breaker");

	public static final String PAUSED_TENANT = tenantId("paused");

	public static final String ORDERED_TENANT = tenantId("ordered");

	/** Limited to 120 messages a minute with no burst. */
	public static final String LIMITED_TENANT = tenantId("limited");

	private static final String[] EXTRA_TENANTS = { RETRY_TENANT, BREAKER_TENANT, PAUSED_TENANT, ORDERED_TENANT,
			LIMITED_TENANT };

	public static final String BAD_SECRET_TENANT = tenantId("bad-secret");

	public static final FakeGenesys FAKE = startFake();

	private static final String ENCRYPTION_KEY = randomKey();

	/** The processor reaches RabbitMQ through this proxy, so tests can block or cut it. */
	public static final TcpProxy RABBIT = TcpProxy.toRabbit();

	/** The webhook secret of {@code TENANTS[1]} before its rotation, still accepted for an hour. */
	public static final String ROTATED_OUT_SECRET = "rotated-out-secret-" + ID;

	/** The webhook secret of {@code TENANTS[2]} before its rotation, whose window has ended. */
	public static final String EXPIRED_SECRET = "expired-secret-" + ID + "-x";

	/** The REST API key of the integration tests; {@link #register} configures its SHA-256. */
	public static final String API_KEY = "it-api-key-" + ID + "-" + UUID.randomUUID();

	private TestRun() {
	}

	public static String tenantId(String name) {
		return "it-" + ID + "-" + name;
	}

	public static String integrationOf(String tenantId) {
		return "integration-" + tenantId;
	}

	/**
	 * @param tenantId a tenant of this run
	 * @return the webhook signature secret of its integration
	 */
	public static String webhookSecretOf(String tenantId) {
		return "webhook-secret-" + tenantId;
	}

	private static FakeGenesys startFake() {
		FakeGenesys fake = FakeGenesys.start();
		for (String tenant : TENANTS) {
			fake.registerClient("client-" + tenant, "secret-" + tenant);
			fake.registerIntegration(integrationOf(tenant));
		}
		for (String tenant : EXTRA_TENANTS) {
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
		registry.add("app.queues.work", () -> WORK_QUEUE);
		registry.add("app.queues.correlation", () -> CORRELATION_QUEUE);
		registry.add("app.deferral.queue-prefix", () -> DELAY_QUEUE_PREFIX);
		registry.add("app.deferral.tiers", () -> String.join(",", DELAY_TIERS));
		registry.add("app.ordering.key-prefix", () -> "it:" + ID + ":order:");
		registry.add("app.ordering.defer-delay", () -> "200ms");
		registry.add("app.ratelimit.key-prefix", () -> "it:" + ID + ":rl:");
		registry.add("app.ratelimit.client-per-minute", () -> 600_000);
		registry.add("app.ratelimit.client-burst", () -> 1000);
		registry.add("app.circuit.key-prefix", () -> "it:" + ID + ":circuit:");
		registry.add("app.circuit.wait-in-open-state", () -> "1s");
		registry.add("app.pause.key-prefix", () -> "it:" + ID + ":paused:");
		registry.add("app.pause.hold-delay", () -> "500ms");
		registry.add("app.pause.cache-ttl", () -> "100ms");
		registry.add("app.queues.dead-letter", () -> DEAD_LETTER_QUEUE);
		registry.add("app.queues.dead-letter-exchange", () -> DEAD_LETTER_EXCHANGE);
		registry.add("app.tenants.key-prefix", () -> TENANT_KEY_PREFIX);
		// One key per test JVM: every context seeds the same Redis records, so a second context
		// with another key would make the first one's tenants undecryptable.
		registry.add("app.tenants.encryption-key", () -> ENCRYPTION_KEY);
		registry.add("app.api.keys[0].name", () -> "it-client");
		registry.add("app.api.keys[0].sha256", () -> sha256Hex(API_KEY));
		registry.add("app.api.redis-key-prefix", () -> "it:" + ID + ":apikey:");
		registerWebhook(registry);
		int index = 0;
		for (String tenant : TENANTS) {
			seedWebhookSecret(registry, index, tenant);
			seed(registry, index++, tenant, "secret-" + tenant, true);
		}
		seedWebhookSecret(registry, index, DISABLED_TENANT);
		seed(registry, index++, DISABLED_TENANT, "secret", false);
		seed(registry, index++, BAD_SECRET_TENANT, "a-wrong-secret", true);
		for (String tenant : EXTRA_TENANTS) {
			boolean limited = LIMITED_TENANT.equals(tenant);
			seed(registry, index++, tenant, "secret-" + tenant, true, limited ? 120 : 600_000, limited ? 1 : 1000);
		}
		String binding = "spring.cloud.stream.bindings.inbound-in-0.consumer.";
		registry.add(binding + "max-attempts", () -> 20);
		registry.add(binding + "back-off-initial-interval", () -> 10);
		registry.add(binding + "back-off-multiplier", () -> 2.0);
		registry.add(binding + "back-off-max-interval", () -> 100);
	}

	/**
	 * The webhook, receipts and typing: this run's queues and Redis keys, RabbitMQ through
	 * {@link #RABBIT}, fast binder retry.
	 */
	private static void registerWebhook(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
		registry.add("spring.rabbitmq.port", RABBIT::port);
		registry.add("app.queues.status-processed", () -> STATUS_PROCESSED_QUEUE);
		registry.add("app.queues.typing", () -> TYPING_QUEUE);
		registry.add("app.queues.outbound-messages", () -> OUTBOUND_MESSAGES_QUEUE);
		registry.add("app.queues.status-updates", () -> STATUS_UPDATES_QUEUE);
		registry.add("app.queues.webhook-ledger", () -> WEBHOOK_LEDGER_QUEUE);
		registry.add("app.webhook.dedupe-key-format", () -> "it:" + ID + ":webhook:%1$s:%2$s");
		registry.add("app.webhook.ledger-lock-key", () -> "it:" + ID + ":webhook:ledger-lock");
		registry.add("app.receipts.message-key-format", () -> "it:" + ID + ":agent-message:%s");
		registry.add("app.receipts.status-key-format", () -> "it:" + ID + ":receipt-status:%s");
		for (String binding : new String[] { "receipts-in-0", "typing-in-0" }) {
			String consumer = "spring.cloud.stream.bindings." + binding + ".consumer.";
			registry.add(consumer + "max-attempts", () -> 5);
			registry.add(consumer + "back-off-initial-interval", () -> 10);
			registry.add(consumer + "back-off-multiplier", () -> 2.0);
			registry.add(consumer + "back-off-max-interval", () -> 100);
		}
	}

	private static void seedWebhookSecret(DynamicPropertyRegistry registry, int index, String tenant) {
		String prefix = "app.tenants.seed[" + index + "].webhook-secrets[0].";
		registry.add(prefix + "integration-id", () -> integrationOf(tenant));
		registry.add(prefix + "secret", () -> webhookSecretOf(tenant));
		if (tenant.equals(TENANTS[1]) || tenant.equals(TENANTS[2])) {
			boolean valid = tenant.equals(TENANTS[1]);
			registry.add(prefix + "previous-secret", () -> valid ? ROTATED_OUT_SECRET : EXPIRED_SECRET);
			registry.add(prefix + "previous-secret-valid-until",
					() -> java.time.Instant.now().plus(java.time.Duration.ofHours(valid ? 1 : -1)).toString());
		}
	}

	private static void seed(DynamicPropertyRegistry registry, int index, String tenant, String secret,
			boolean enabled) {
		seed(registry, index, tenant, secret, enabled, 600_000, 1000);
	}

	private static void seed(DynamicPropertyRegistry registry, int index, String tenant, String secret,
			boolean enabled, int perMinute, int burst) {
		String prefix = "app.tenants.seed[" + index + "].";
		registry.add(prefix + "id", () -> tenant);
		registry.add(prefix + "api-base-url", FAKE::baseUrl);
		registry.add(prefix + "login-base-url", FAKE::baseUrl);
		registry.add(prefix + "client-id", () -> "client-" + tenant);
		registry.add(prefix + "client-secret", () -> secret);
		registry.add(prefix + "integration-ids[0]", () -> integrationOf(tenant));
		registry.add(prefix + "enabled", () -> enabled);
		registry.add(prefix + "rate-limit-per-minute", () -> perMinute);
		registry.add(prefix + "rate-limit-burst", () -> burst);
	}

	private static String sha256Hex(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
