package io.genesysbridge.backend.inbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts inbound messages by outcome: {@code delivered}, {@code duplicate}, {@code rejected}
 * (permanent, with its reason) and {@code failed} (a transient attempt failure, retried).
 */
final class InboundMetrics {

	static final String MESSAGES = "genesysbridge.inbound.messages";

	private final MeterRegistry registry;

	private final Counter delivered;

	private final Counter duplicate;

	InboundMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.delivered = counter("delivered", "none");
		this.duplicate = counter("duplicate", "none");
	}

	void delivered() {
		this.delivered.increment();
	}

	void duplicate() {
		this.duplicate.increment();
	}

	void rejected(String reason) {
		counter("rejected", reason).increment();
	}

	void failed(String reason) {
		counter("failed", reason).increment();
	}

	private Counter counter(String outcome, String reason) {
		return Counter.builder(MESSAGES)
			.description("Inbound messages from genesys.outbound.ready, by outcome of each attempt")
			.tag("queue", "genesys.outbound.ready")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

}
