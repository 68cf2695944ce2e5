package io.genesysbridge.console.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * The processor's counters of interest at one scrape, summed over replicas.
 *
 * @param at when they were read
 * @param values counter values by key ({@code inbound:delivered},
 * {@code deferred:ratelimit}, {@code throttled}, {@code deadlettered},
 * {@code latency:le=0.1}, {@code latency:count}, ...)
 */
record Snapshot(Instant at, Map<String, Double> values) {

	double value(String key) {
		return this.values.getOrDefault(key, 0.0);
	}

}
