package io.genesysbridge.console.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * The processor's counters of interest at one scrape, per replica endpoint, so that a
 * replica that restarts, misses a scrape, or comes and goes never looks like a counter
 * going backwards in the sum.
 *
 * @param at when they were read
 * @param targets counter values by key ({@code inbound:delivered},
 * {@code deferred:ratelimit}, {@code tenant.deferred:acme}, {@code throttled},
 * {@code tenant.throttled:acme}, {@code deadlettered}, {@code latency:le=0.1}, ...), by the
 * endpoint that answered
 */
record Snapshot(Instant at, Map<String, Map<String, Double>> targets) {

	double value(String key) {
		return this.targets.values().stream().mapToDouble((values) -> values.getOrDefault(key, 0.0)).sum();
	}

}
