package io.genesysbridge.backend.typing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts typing events from {@code genesys-typing-events} by outcome: {@code sent},
 * {@code stale} (older than {@code app.typing.max-age}, dropped), {@code rejected} (permanent,
 * with its reason) and {@code failed} (a transient attempt failure, retried).
 */
final class TypingMetrics {

	static final String EVENTS = "genesysbridge.typing.events";

	private final MeterRegistry registry;

	TypingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void sent() {
		counter("sent", "none").increment();
	}

	void stale() {
		counter("stale", "none").increment();
	}

	void rejected(String reason) {
		counter("rejected", reason).increment();
	}

	void failed(String reason) {
		counter("failed", reason).increment();
	}

	private Counter counter(String outcome, String reason) {
		return Counter.builder(EVENTS)
			.description("Customer typing events sent on to Genesys, by outcome of each attempt")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

}
