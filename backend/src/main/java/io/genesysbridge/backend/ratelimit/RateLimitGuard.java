package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.genesys.GenesysCallGuard;
import io.genesysbridge.backend.genesys.GenesysClientException;
import io.genesysbridge.backend.system.TenantTags;
import io.genesysbridge.backend.tenant.Tenant;

/**
 * Takes a permit from the tenant's and the OAuth client's budget before every Genesys call:
 * waits (without blocking a thread) when the permit is due within {@code maxWait}, refuses with
 * {@link RateLimitedException} otherwise, and lowers the client's rate after a Genesys 429 until
 * its Retry-After has passed. If Redis is unreachable the call proceeds (fail-open, counted).
 * Genesys 429s are counted by tenant (bounded by {@link TenantTags}).
 */
final class RateLimitGuard implements GenesysCallGuard {

	static final String PERMITS = "genesysbridge.ratelimit.permits";

	static final String WAITS = "genesysbridge.ratelimit.wait";

	static final String GENESYS_429 = "genesysbridge.ratelimit.genesys.throttled";

	private static final Log logger = LogFactory.getLog(RateLimitGuard.class);

	private final GcraLimiter limiter;

	private final RateLimitProperties properties;

	private final MeterRegistry registry;

	private final Timer waits;

	private final TenantTags tenantTags;

	RateLimitGuard(GcraLimiter limiter, RateLimitProperties properties, MeterRegistry registry,
			TenantTags tenantTags) {
		this.limiter = limiter;
		this.properties = properties;
		this.registry = registry;
		this.tenantTags = tenantTags;
		this.waits = Timer.builder(WAITS)
			.description("Time calls waited for a Genesys permit that was due within the wait bound")
			.register(registry);
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public <T> Mono<T> guard(Tenant tenant, String operation, Mono<T> call) {
		if (!this.properties.enabled()) {
			return call;
		}
		GcraLimiter.Buckets buckets = GcraLimiter.Buckets.of(this.properties.keyPrefix(), tenant.clientId(),
				tenant.id());
		return this.limiter
			.acquire(buckets, new GcraLimiter.Rate(tenant.rateLimit().perMinute(), tenant.rateLimit().burst()),
					new GcraLimiter.Rate(this.properties.clientPerMinute(), this.properties.clientBurst()),
					this.properties.maxWait())
			.onErrorResume((ex) -> failOpen(tenant, ex))
			.flatMap((wait) -> permitted(tenant, operation, wait, call, call.doOnError(GenesysClientException.class,
					(ex) -> penalizeOn429(tenant, buckets, ex))));
	}

	private <T> Mono<T> permitted(Tenant tenant, String operation, Duration wait, Mono<T> unguarded, Mono<T> call) {
		if (wait.isNegative()) {
			count("refused");
			return Mono.error(new RateLimitedException(tenant.id(), wait.negated()));
		}
		if (wait.isZero()) {
			count("granted");
			return call;
		}
		count("waited");
		this.waits.record(wait);
		long due = System.nanoTime() + wait.toNanos();
		return Mono.delay(wait).then(Mono.defer(() -> {
			if (isStale(System.nanoTime() - due,
					Math.min(tenant.rateLimit().perMinute(), this.properties.clientPerMinute()))) {
				count("stale");
				return guard(tenant, operation, unguarded);
			}
			return call;
		}));
	}

	/**
	 * A permit whose wait ended more than one emission interval late (a stalled scheduler, a
	 * garbage collection) is not used: calls whose slots came due during the stall would
	 * otherwise reach Genesys together, above the rate over that second. The late call asks for
	 * a fresh permit instead; its old slot goes unused.
	 * @param lateNanos how long after its slot the wait ended
	 * @param perMinute the binding rate (the lower of the tenant's and its OAuth client's)
	 */
	static boolean isStale(long lateNanos, int perMinute) {
		return lateNanos > TimeUnit.MINUTES.toNanos(1) / Math.max(1, perMinute);
	}

	private Mono<Duration> failOpen(Tenant tenant, Throwable ex) {
		count("unavailable");
		logger.warn("Rate limiter unavailable for tenant " + tenant.id() + " (" + ex.getClass().getSimpleName()
				+ "); calling Genesys without a permit");
		return Mono.just(Duration.ZERO);
	}

	private void penalizeOn429(Tenant tenant, GcraLimiter.Buckets buckets, GenesysClientException ex) {
		if (ex.status() != 429) {
			return;
		}
		Duration retryAfter = (ex.retryAfter() != null) ? ex.retryAfter() : Duration.ofSeconds(1);
		Counter.builder(GENESYS_429)
			.description("Genesys 429 answers by tenant, each lowering the OAuth client's rate until its Retry-After")
			.tag(TenantTags.TAG, this.tenantTags.of(tenant.id()))
			.register(this.registry)
			.increment();
		logger.warn("Genesys throttled tenant " + tenant.id() + " (429, Retry-After " + retryAfter.toSeconds()
				+ " s): lowering its client's rate meanwhile");
		this.limiter.penalize(buckets, this.properties.penaltyFactor(), retryAfter.plusMillis(1))
			.onErrorResume((e) -> Mono.empty())
			.subscribe();
	}

	private void count(String outcome) {
		Counter.builder(PERMITS)
			.description("Genesys permits asked of the rate limiter, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
