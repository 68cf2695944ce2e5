package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

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
 * Takes a permit from the tenant's and the OAuth client's budget before every Genesys request
 * (after its token is at hand, so a token fetch never holds permits back): waits (without
 * blocking a thread) when the permit is due within {@code maxWait}, refuses with
 * {@link RateLimitedException} otherwise, and lowers the client's rate after a Genesys 429 until
 * its Retry-After has passed. If Redis is unreachable the call proceeds (fail-open, counted).
 * Genesys 429s are counted by tenant (bounded by {@link TenantTags}).
 *
 * <p>
 * A permit that would be used more than one emission interval (at least 20 ms) after its slot
 * is not used: neither when the limiter's reply itself was handled late ({@link ReplyLag}) nor
 * when the wait for the slot ended late. Calls whose slots came due during such a stall would
 * otherwise reach Genesys together, above the rate over that second. Only permits of a bucket at
 * its limit are checked: a tenant with burst left cannot crowd anyone. The call asks once for a
 * fresh permit; a second late permit is used, so a replica that is late all the time still makes
 * progress.
 */
final class RateLimitGuard implements GenesysCallGuard {

	static final String PERMITS = "genesysbridge.ratelimit.permits";

	static final String WAITS = "genesysbridge.ratelimit.wait";

	static final String GENESYS_429 = "genesysbridge.ratelimit.genesys.throttled";

	private static final Log logger = LogFactory.getLog(RateLimitGuard.class);

	private static final long LAG_WINDOW_MICROS = TimeUnit.SECONDS.toMicros(10);

	private static final long LATE_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final GcraLimiter limiter;

	private final RateLimitProperties properties;

	private final MeterRegistry registry;

	private final Timer waits;

	private final TenantTags tenantTags;

	private final ReplyLag replyLag = new ReplyLag(LAG_WINDOW_MICROS);

	private final LongSupplier nowMicros;

	RateLimitGuard(GcraLimiter limiter, RateLimitProperties properties, MeterRegistry registry,
			TenantTags tenantTags) {
		this(limiter, properties, registry, tenantTags, RateLimitGuard::epochMicros);
	}

	RateLimitGuard(GcraLimiter limiter, RateLimitProperties properties, MeterRegistry registry, TenantTags tenantTags,
			LongSupplier nowMicros) {
		this.limiter = limiter;
		this.properties = properties;
		this.registry = registry;
		this.tenantTags = tenantTags;
		this.nowMicros = nowMicros;
		this.waits = Timer.builder(WAITS)
			.description("Time calls waited for a Genesys permit that was due within the wait bound")
			.register(registry);
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public boolean perRequest() {
		return true;
	}

	@Override
	public <T> Mono<T> guard(Tenant tenant, String operation, Mono<T> call) {
		if (!this.properties.enabled()) {
			return call;
		}
		GcraLimiter.Buckets buckets = GcraLimiter.Buckets.of(this.properties.keyPrefix(), tenant.clientId(),
				tenant.id());
		return acquire(tenant, buckets, true,
				call.doOnError(GenesysClientException.class, (ex) -> penalizeOn429(tenant, buckets, ex)));
	}

	private <T> Mono<T> acquire(Tenant tenant, GcraLimiter.Buckets buckets, boolean firstPermit, Mono<T> call) {
		return this.limiter
			.acquire(buckets, new GcraLimiter.Rate(tenant.rateLimit().perMinute(), tenant.rateLimit().burst()),
					new GcraLimiter.Rate(this.properties.clientPerMinute(), this.properties.clientBurst()),
					this.properties.maxWait())
			.map(Optional::of)
			.onErrorResume((ex) -> failOpen(tenant, ex))
			.flatMap((permit) -> permit.isPresent() ? permitted(tenant, buckets, firstPermit, permit.get(), call)
					: call);
	}

	private <T> Mono<T> permitted(Tenant tenant, GcraLimiter.Buckets buckets, boolean firstPermit,
			GcraLimiter.Permit permit, Mono<T> call) {
		if (!permit.granted()) {
			count("refused");
			return Mono.error(new RateLimitedException(tenant.id(), permit.delay()));
		}
		int perMinute = Math.min(tenant.rateLimit().perMinute(), this.properties.clientPerMinute());
		long lagNanos = TimeUnit.MICROSECONDS
			.toNanos(this.replyLag.micros(permit.redisNowMicros(), this.nowMicros.getAsLong()));
		if (firstPermit && permit.atLimit() && isStale(lagNanos - permit.delay().toNanos(), perMinute)) {
			count("stale");
			return acquire(tenant, buckets, false, call);
		}
		Duration wait = permit.delay().minusNanos(lagNanos);
		if (permit.delay().isZero()) {
			count("granted");
		}
		else {
			count("waited");
			this.waits.record(permit.delay());
		}
		if (!wait.isPositive()) {
			return call;
		}
		long due = System.nanoTime() + wait.toNanos();
		return Mono.delay(wait).then(Mono.defer(() -> {
			if (firstPermit && isStale(System.nanoTime() - due, perMinute)) {
				count("stale");
				return acquire(tenant, buckets, false, call);
			}
			return call;
		}));
	}

	/**
	 * Whether a permit is too late to use: more than one emission interval after its slot, and
	 * more than {@link #LATE_FLOOR_NANOS} (20 ms). Within that bound the busiest second at
	 * Genesys holds at most one call more than the rate (two with the permit at the window's
	 * edge), or 2 % more at rates above 50 per second, whose interval is below ordinary
	 * scheduling jitter.
	 * @param lateNanos how long after its slot the permit would be used
	 * @param perMinute the binding rate (the lower of the tenant's and its OAuth client's)
	 */
	static boolean isStale(long lateNanos, int perMinute) {
		return lateNanos > Math.max(LATE_FLOOR_NANOS, TimeUnit.MINUTES.toNanos(1) / Math.max(1, perMinute));
	}

	private Mono<Optional<GcraLimiter.Permit>> failOpen(Tenant tenant, Throwable ex) {
		count("unavailable");
		logger.warn("Rate limiter unavailable for tenant " + tenant.id() + " (" + ex.getClass().getSimpleName()
				+ "); calling Genesys without a permit");
		return Mono.just(Optional.empty());
	}

	private static long epochMicros() {
		Instant now = Instant.now();
		return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(now.getNano());
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
