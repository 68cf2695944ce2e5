package io.genesysbridge.backend.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import io.genesysbridge.backend.tenant.RateLimit;
import io.genesysbridge.fake.FakeGenesys;

/**
 * One scenario's private world for processors run as child JVMs ({@link ProcessorProcess}):
 * queue names, Redis keys and tenant ids carrying their own random id (apart from
 * {@link TestRun}'s, so the shared test context never consumes these queues), tenants seeded
 * against the given {@link FakeGenesys}, and a direct connection to the shared broker for the
 * test to publish and read with. {@link #close()} deletes every queue, exchange and Redis key
 * of the scenario.
 */
public final class ProcessorRun implements AutoCloseable {

	private static final RateLimit UNLIMITED = new RateLimit(600_000, 1_000);

	private static final String[] DELAY_TIERS = { "200ms", "500ms", "1s", "2s" };

	private static final long[] DELAY_TIER_MILLIS = { 200, 500, 1000, 2000 };

	public final String id = UUID.randomUUID().toString().substring(0, 8);

	public final String inboundQueue = queue("genesys.outbound.ready");

	public final String workQueue = queue("work");

	public final String correlationQueue = queue("correlation-events");

	public final String deadLetterQueue = queue("genesys-api.dlq");

	public final String deadLetterExchange = queue("genesys-api.dlx");

	private final String keyPrefix = "it:" + this.id + ":";

	private final List<String> tenants = new ArrayList<>();

	private final Map<String, RateLimit> limits = new HashMap<>();

	private final String encryptionKey = randomKey();

	private final FakeGenesys fake;

	private final CachingConnectionFactory rabbit;

	private final QueueProbe probe;

	private ProcessorRun(FakeGenesys fake, int tenantCount) {
		this.fake = fake;
		for (int i = 0; i < tenantCount; i++) {
			String tenant = "it-" + this.id + "-t" + i;
			fake.registerClient("client-" + tenant, "secret-" + tenant);
			fake.registerIntegration(integrationOf(tenant));
			this.tenants.add(tenant);
		}
		this.rabbit = new CachingConnectionFactory(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
				Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
		this.probe = new QueueProbe(this.rabbit);
	}

	/**
	 * @param fake where the processors deliver
	 * @param tenantCount how many tenants to seed
	 * @return a new scenario
	 */
	public static ProcessorRun create(FakeGenesys fake, int tenantCount) {
		return new ProcessorRun(fake, tenantCount);
	}

	public List<String> tenants() {
		return this.tenants;
	}

	/**
	 * Gives a tenant a real Genesys rate limit (the others are unlimited); call before starting
	 * processors.
	 * @param tenant one of {@link #tenants()}
	 * @param perMinute its rate
	 * @param burst its burst
	 */
	public void limit(String tenant, int perMinute, int burst) {
		this.limits.put(tenant, new RateLimit(perMinute, burst));
	}

	public static String integrationOf(String tenant) {
		return "integration-" + tenant;
	}

	/**
	 * @return publishes to and reads this scenario's queues on the broker itself (no proxy)
	 */
	public QueueProbe probe() {
		return this.probe;
	}

	/**
	 * @param suffix the rest of the key
	 * @return a Redis key inside this scenario's prefix
	 */
	public String key(String suffix) {
		return this.keyPrefix + suffix;
	}

	/**
	 * The processor's arguments for this scenario: its queues, Redis prefixes and tenants, fast
	 * binder retry and short delay tiers.
	 * @param rabbitPort where the processor finds RabbitMQ on 127.0.0.1 (a proxy or the broker)
	 * @param redisPort where it finds Redis on 127.0.0.1
	 * @return command-line arguments
	 */
	public List<String> arguments(int rabbitPort, int redisPort) {
		List<String> args = new ArrayList<>(List.of("--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + rabbitPort, "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redisPort, "--app.queues.inbound=" + this.inboundQueue,
				"--app.queues.work=" + this.workQueue, "--app.queues.correlation=" + this.correlationQueue,
				"--app.queues.dead-letter=" + this.deadLetterQueue,
				"--app.queues.dead-letter-exchange=" + this.deadLetterExchange,
				"--app.queues.status-processed=" + queue("status-processed"), "--app.queues.typing=" + queue("typing"),
				"--app.queues.outbound-messages=" + queue("outbound"),
				"--app.queues.status-updates=" + queue("status-updates"),
				"--app.queues.webhook-ledger=" + queue("webhook-ledger"),
				"--app.deferral.queue-prefix=" + queue("delay."), "--app.deferral.tiers=" + String.join(",", DELAY_TIERS),
				"--app.ordering.key-prefix=" + key("order:"), "--app.ordering.defer-delay=200ms",
				"--app.ratelimit.key-prefix=" + key("rl:"), "--app.ratelimit.client-per-minute=600000",
				"--app.ratelimit.client-burst=1000", "--app.circuit.key-prefix=" + key("circuit:"),
				"--app.circuit.wait-in-open-state=1s", "--app.pause.key-prefix=" + key("paused:"),
				"--app.pause.hold-delay=500ms", "--app.pause.cache-ttl=100ms",
				"--app.tenants.key-prefix=" + key("tenant:"), "--app.tenants.encryption-key=" + this.encryptionKey,
				"--app.api.redis-key-prefix=" + key("apikey:"),
				"--app.webhook.dedupe-key-format=" + key("webhook:%1$s:%2$s"),
				"--app.webhook.ledger-lock-key=" + key("webhook:ledger-lock"),
				"--app.receipts.message-key-format=" + key("agent-message:%s"),
				"--app.receipts.status-key-format=" + key("receipt-status:%s"),
				"--app.dedupe.key-format=" + key("dedupe:%1$s:%2$s"),
				"--app.genesys.token.key-format=" + key("token:%s"),
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.max-attempts=20",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.back-off-initial-interval=10",
				"--spring.cloud.stream.bindings.inbound-in-0.consumer.back-off-max-interval=100"));
		for (int i = 0; i < this.tenants.size(); i++) {
			String tenant = this.tenants.get(i);
			String seed = "--app.tenants.seed[" + i + "].";
			args.addAll(List.of(seed + "id=" + tenant, seed + "api-base-url=" + this.fake.baseUrl(),
					seed + "login-base-url=" + this.fake.baseUrl(), seed + "client-id=client-" + tenant,
					seed + "client-secret=secret-" + tenant, seed + "integration-ids[0]=" + integrationOf(tenant),
					seed + "rate-limit-per-minute=" + this.limits.getOrDefault(tenant, UNLIMITED).perMinute(),
					seed + "rate-limit-burst=" + this.limits.getOrDefault(tenant, UNLIMITED).burst()));
		}
		return args;
	}

	/** Deletes the scenario's queues, exchanges and Redis keys, and closes its connection. */
	@Override
	public void close() {
		RabbitAdmin admin = new RabbitAdmin(this.rabbit);
		List<String> names = new ArrayList<>(List.of(this.inboundQueue, this.workQueue, this.correlationQueue,
				this.deadLetterQueue, this.deadLetterExchange, queue("status-processed"), queue("typing"),
				queue("outbound"), queue("status-updates"), queue("webhook-ledger")));
		for (long millis : DELAY_TIER_MILLIS) {
			names.add(queue("delay." + millis));
		}
		for (String name : names) {
			admin.deleteQueue(name);
			admin.deleteExchange(name);
		}
		try (LocalRedis redis = LocalRedis.connect()) {
			redis.deleteMatching(this.keyPrefix + "*");
		}
		this.rabbit.destroy();
	}

	private String queue(String name) {
		return "it." + this.id + "." + name;
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
