package io.genesysbridge.backend.receipt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts status events from {@code genesys-status-processed} by outcome: {@code sent} (a
 * receipt reached Genesys), {@code skipped} ({@code read}, or a status the bridge does not
 * forward), {@code stale} (not above the status already recorded), {@code rejected} (permanent,
 * with its reason) and {@code failed} (a transient attempt failure, retried).
 */
final class ReceiptMetrics {

	static final String STATUSES = "genesysbridge.receipts.statuses";

	private final MeterRegistry registry;

	ReceiptMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void sent(ReceiptStatus status) {
		counter("sent", status.code(), "none").increment();
	}

	void skipped(String status, String reason) {
		counter("skipped", status, reason).increment();
	}

	void stale(ReceiptStatus status) {
		counter("stale", status.code(), "none").increment();
	}

	void rejected(String reason) {
		counter("rejected", "unknown", reason).increment();
	}

	void failed(String reason) {
		counter("failed", "unknown", reason).increment();
	}

	private Counter counter(String outcome, String status, String reason) {
		return Counter.builder(STATUSES)
			.description("WhatsApp status events for agent messages, by outcome of each attempt")
			.tag("outcome", outcome)
			.tag("status", status)
			.tag("reason", reason)
			.register(this.registry);
	}

}
