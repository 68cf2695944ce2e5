package io.genesysbridge.backend.inbound;

import java.time.Duration;

import reactor.core.publisher.Mono;

import io.genesysbridge.backend.circuit.CircuitOpenException;
import io.genesysbridge.backend.genesys.GenesysRetryableException;
import io.genesysbridge.backend.pause.TenantPauses;
import io.genesysbridge.backend.ratelimit.RateLimitedException;
import io.genesysbridge.backend.tenant.Tenant;

/**
 * The reasons a message must wait rather than fail: its tenant is paused, no rate-limit permit
 * is due soon, the org's circuit is open, or Genesys answered 429. Each becomes a deferral, which
 * never counts as a failed attempt and never dead-letters.
 */
final class Holds {

	static final String PAUSED = "tenant.paused";

	private static final Duration MIN_THROTTLE_WAIT = Duration.ofSeconds(1);

	private final TenantPauses pauses;

	Holds(TenantPauses pauses) {
		this.pauses = pauses;
	}

	/**
	 * @return empty when the tenant may proceed, else a deferral
	 */
	Mono<Outcome> check(Tenant tenant) {
		return this.pauses.isPaused(tenant.id())
			.flatMap((paused) -> paused ? Mono.just(new Outcome.Defer(this.pauses.holdDelay(), PAUSED))
					: Mono.<Outcome>empty());
	}

	static boolean isWait(Throwable failure) {
		return failure instanceof RateLimitedException || failure instanceof CircuitOpenException
				|| (failure instanceof GenesysRetryableException genesys && genesys.status() == 429);
	}

	static Outcome deferralFor(Throwable failure) {
		if (failure instanceof RateLimitedException limited) {
			return new Outcome.Defer(limited.retryAfter(), limited.reason());
		}
		if (failure instanceof CircuitOpenException open) {
			return new Outcome.Defer(null, open.reason(), open.retryAfter());
		}
		GenesysRetryableException throttled = (GenesysRetryableException) failure;
		Duration retryAfter = (throttled.retryAfter() != null) ? throttled.retryAfter() : MIN_THROTTLE_WAIT;
		return new Outcome.Defer(retryAfter.compareTo(MIN_THROTTLE_WAIT) < 0 ? MIN_THROTTLE_WAIT : retryAfter,
				"genesys.throttled");
	}

}
