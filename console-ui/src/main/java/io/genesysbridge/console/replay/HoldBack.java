package io.genesysbridge.console.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.genesysbridge.console.circuit.CircuitStore;
import io.genesysbridge.console.circuit.CircuitView;
import io.genesysbridge.console.tenant.RateLimitReader;
import io.genesysbridge.console.tenant.RateUsage;
import io.genesysbridge.console.tenant.TenantPauses;
import io.genesysbridge.console.tenant.TenantRecord;
import io.genesysbridge.console.tenant.TenantStore;

/**
 * Decides whether a bulk replay should hold back a tenant's messages for now: while the
 * tenant's Genesys circuit is open (or forced open), while the tenant is paused, or while
 * its rate limit (or its OAuth client's) is used up. A replayed message would then only
 * be deferred by the processor, and a large replay would starve the tenant's live
 * traffic. Circuit and pause readings are cached for a second; permits are read fresh
 * each time.
 */
class HoldBack {

	private static final Duration CACHE = Duration.ofSeconds(1);

	private static final Duration TENANT_CACHE = Duration.ofSeconds(5);

	private final CircuitStore circuits;

	private final TenantPauses pauses;

	private final TenantStore tenants;

	private final RateLimitReader rates;

	private final ReplayProperties properties;

	private final Clock clock;

	private final Map<String, Cached<Optional<String>>> blocked = new ConcurrentHashMap<>();

	private final Map<String, Cached<Optional<TenantRecord>>> records = new ConcurrentHashMap<>();

	HoldBack(CircuitStore circuits, TenantPauses pauses, TenantStore tenants, RateLimitReader rates,
			ReplayProperties properties, Clock clock) {
		this.circuits = circuits;
		this.pauses = pauses;
		this.tenants = tenants;
		this.rates = rates;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param tenantId the tenant of the next dead letter, or empty when unknown
	 * @return why to hold it back now, or empty to publish it
	 */
	Optional<String> reason(String tenantId) {
		if (tenantId.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> stop = cached(this.blocked, tenantId, CACHE, () -> circuitOrPause(tenantId));
		if (stop.isPresent()) {
			return stop;
		}
		Optional<TenantRecord> tenant = cached(this.records, tenantId, TENANT_CACHE, () -> this.tenants.find(tenantId));
		if (tenant.isEmpty()) {
			return Optional.empty();
		}
		RateUsage usage = this.rates.usage(tenant.get());
		if (usage.available() < this.properties.holdBelowPermits()) {
			return Optional
				.of("rate limit of " + tenantId + " used up (next permit in " + usage.nextPermitMillis() + " ms)");
		}
		if (usage.clientAvailable() < this.properties.holdBelowPermits()) {
			return Optional.of("OAuth client budget of " + tenantId + " used up");
		}
		return Optional.empty();
	}

	private Optional<String> circuitOrPause(String tenantId) {
		CircuitView circuit = this.circuits.ofTenant(tenantId);
		if (circuit.open()) {
			return Optional.of("circuit " + circuit.name() + " is "
					+ ((circuit.forced() != null && "FORCED_OPEN".equals(circuit.forced().state())) ? "FORCED_OPEN"
							: circuit.state()));
		}
		return this.pauses.find(tenantId)
			.map((pause) -> "tenant " + tenantId + " is paused by " + pause.by() + ": " + pause.reason());
	}

	private <T> T cached(Map<String, Cached<T>> cache, String key, Duration ttl, java.util.function.Supplier<T> load) {
		Instant now = this.clock.instant();
		Cached<T> entry = cache.get(key);
		if (entry == null || entry.at().plus(ttl).isBefore(now)) {
			entry = new Cached<>(load.get(), now);
			cache.put(key, entry);
		}
		return entry.value();
	}

	private record Cached<T>(T value, Instant at) {
	}

}
