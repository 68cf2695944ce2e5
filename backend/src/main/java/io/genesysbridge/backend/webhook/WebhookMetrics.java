package io.genesysbridge.backend.webhook;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the webhook: every request by outcome and reason, publish confirms by outcome, the
 * publish ledger, the previous secret still in use during a rotation, and Redis outages the
 * webhook went through.
 */
final class WebhookMetrics {

	static final String REQUESTS = "genesysbridge.webhook.requests";

	static final String PUBLISH = "genesysbridge.webhook.publish";

	static final String PREVIOUS_SECRET = "genesysbridge.webhook.signature.previous.secret";

	static final String REDIS_UNAVAILABLE = "genesysbridge.webhook.redis.unavailable";

	static final String LEDGER_DRAINED = "genesysbridge.webhook.ledger.drained";

	static final String LEDGER_DRAIN_FAILURES = "genesysbridge.webhook.ledger.drain.failures";

	static final String LEDGER_SETTLED = "genesysbridge.webhook.ledger.settled";

	static final String OUTPUT_QUEUE_REDECLARED = "genesysbridge.webhook.output.queue.redeclared";

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

	void ledgerDrained(int entries) {
		Counter.builder(LEDGER_DRAINED)
			.description("Entries taken from the webhook's publish ledger and recorded as published")
			.register(this.registry)
			.increment(entries);
	}

	void ledgerDrainFailed() {
		Counter.builder(LEDGER_DRAIN_FAILURES)
			.description("Periodic drains of the webhook's publish ledger that failed (RabbitMQ or Redis away)")
			.register(this.registry)
			.increment();
	}

	/**
	 * @param result {@code in-queue} (no second publish), {@code not-in-queue} (published now) or
	 * {@code failed} (answered 503)
	 */
	void ledgerSettled(String result) {
		Counter.builder(LEDGER_SETTLED)
			.description("Publishes whose confirm was lost, settled through the ledger, by result")
			.tag("result", result)
			.register(this.registry)
			.increment();
	}

	void outputQueueRedeclared(String queue) {
		Counter.builder(OUTPUT_QUEUE_REDECLARED)
			.description("Webhook output queues found missing and declared again")
			.tag("queue", queue)
			.register(this.registry)
			.increment();
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
