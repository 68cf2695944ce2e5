package io.genesysbridge.backend.webhook;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the webhook: every request by outcome and reason, publish confirms by outcome, the
 * previous secret still in use during a rotation, and Redis outages the webhook went through.
 */
final class WebhookMetrics {

	static final String REQUESTS = "genesysbridge.webhook.requests";

	static final String PUBLISH = "genesysbridge.webhook.publish";

	static final String PREVIOUS_SECRET = "genesysbridge.webhook.signature.previous.secret";

	static final String REDIS_UNAVAILABLE = "genesysbridge.webhook.redis.unavailable";

	private final MeterRegistry registry;

	private final Counter previousSecret;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.previousSecret = Counter.builder(PREVIOUS_SECRET)
			.description("Webhooks that verified only with the previous secret of a rotation; "
					+ "once this stays at zero, Genesys signs with the new secret")
			.register(registry);
	}

	void request(WebhookResult result) {
		Counter.builder(REQUESTS)
			.description("Genesys webhook requests, by outcome (the HTTP answer follows from it) and reason")
			.tag("outcome", result.outcome().tag())
			.tag("reason", result.reason())
			.register(this.registry)
			.increment();
	}

	void published(String queue, String outcome, long nanos) {
		Timer.builder(PUBLISH)
			.description("Webhook publishes to RabbitMQ until the broker's confirm (or failure), by outcome")
			.tag("queue", queue)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(Duration.ofNanos(nanos));
	}

	void previousSecretUsed() {
		this.previousSecret.increment();
	}

	void dedupeUnavailable() {
		redisUnavailable("dedupe");
	}

	void memoryUnavailable() {
		redisUnavailable("message-memory");
	}

	private void redisUnavailable(String use) {
		Counter.builder(REDIS_UNAVAILABLE)
			.description("Webhook Redis operations that failed and were skipped (fail-open), by use")
			.tag("use", use)
			.register(this.registry)
			.increment();
	}

}
