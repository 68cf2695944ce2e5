package io.genesysbridge.backend.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.genesys.GenesysCallGuard;
import io.genesysbridge.backend.genesys.GenesysClientException;
import io.genesysbridge.backend.tenant.Tenant;

/**
 * Takes a permit from the tenant's and the OAuth client's budget before every Genesys call:
 * waits (without blocking a thread) when the permit is due within {@code maxWait}, refuses with
 * {@link RateLimitedException} otherwise, and lowers the client's rate after a Genesys 429 until
 * its Retry-After has passed. If Redis is unreachable the call proceeds (fail-open, counted).
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

	RateLimitGuard(GcraLimiter limiter, RateLimitProperties properties, MeterRegistry registry) {
		this.limiter = limiter;
		this.properties = properties;
		this.registry = registry;
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
			.flatMap((wait) -> permitted(tenant, wait, call.doOnError(GenesysClientException.class,
					(ex) -> penalizeOn429(tenant, buckets, ex))));
	}

	private <T> Mono<T> permitted(Tenant tenant, Duration wait, Mono<T> call) {
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
		return Mono.delay(wait).then(call);
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
			.description("Genesys 429 answers, each lowering the OAuth client's rate until its Retry-After")
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
