package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mockito;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.system.TenantTags;
import io.genesysbridge.backend.tenant.GenesysRegion;
import io.genesysbridge.backend.tenant.RateLimit;
import io.genesysbridge.backend.tenant.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A permit whose limiter reply was handled late is not used: its slot may have passed while
 * the reply waited, and the calls behind it would reach Genesys in a burst. Real Redis; the
 * local clock is shifted to make replies look late.
 */
class RateLimitGuardLagTests {

	private static LocalRedis redis;

	private final String prefix = "test:" + UUID.randomUUID() + ":rl:";

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicLong shiftMicros = new AtomicLong();

	private final AtomicInteger calls = new AtomicInteger();

	// 3,000 per minute: one permit every 20 ms, no burst
	private final Tenant tenant = new Tenant("lag-tenant", GenesysRegion.of("mypurecloud.com", null, null),
			"client-" + UUID.randomUUID(), "secret", List.of(), true, new RateLimit(3000, 1));

	private RateLimitGuard guard;

	@BeforeAll
	static void connect() {
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching(this.prefix + "*");
	}

	@Test
	void shouldUseAPermitWhoseReplyWasHandledOnTime() {
		this.guard = guard();

		call();
		call();

		assertThat(this.calls).hasValue(2);
		assertThat(permits("stale")).isZero();
	}

	@Test
	void shouldAskAgainWhenTheReplyWasHandledMoreThanOneIntervalLateAndUseTheSecondPermitWhatever() {
		this.guard = guard();
		call();

		this.shiftMicros.set(TimeUnit.MILLISECONDS.toMicros(100));
		call();

		assertThat(this.calls).as("one call each time, the late one after a second permit").hasValue(2);
		assertThat(permits("stale")).isEqualTo(1.0);
		assertThat(permits("granted") + permits("waited")).as("the first call's permit and the replacement, used")
			.isEqualTo(2.0);
	}

	/**
	 * 600 per minute, burst 1: the second permit is reserved about 100 ms ahead, so 150 ms of lag
	 * leaves it 50 ms late, within one interval. 3,000 per minute, burst 50: the bucket has 48
	 * permits of burst left, so a late call cannot crowd anyone.
	 */
	@ParameterizedTest(name = "{0}/min, burst {1}, {2} ms late")
	@CsvSource({ "600, 1, 150", "3000, 50, 100" })
	void shouldUseALatePermitThatCannotCrowdTheCallsAfterIt(int perMinute, int burst, long lagMillis) {
		this.guard = guard();
		Tenant other = new Tenant("lag-tenant-" + perMinute + "-" + burst, this.tenant.region(),
				this.tenant.clientId(), "secret", List.of(), true, new RateLimit(perMinute, burst));
		call(other);
		this.shiftMicros.set(TimeUnit.MILLISECONDS.toMicros(lagMillis));

		call(other);

		assertThat(permits("stale")).isZero();
		assertThat(this.calls).hasValue(2);
	}

	private void call() {
		call(this.tenant);
	}

	private void call(Tenant caller) {
		this.guard.guard(caller, "inbound-message", Mono.fromCallable(this.calls::incrementAndGet))
			.block(Duration.ofSeconds(5));
	}

	private RateLimitGuard guard() {
		RateLimitProperties properties = new RateLimitProperties(true, this.prefix, Duration.ofMillis(250), 600_000,
				1_000, 0.5);
		return new RateLimitGuard(new GcraLimiter(redis.template()), properties, this.registry,
				Mockito.mock(TenantTags.class), () -> epochMicros() + this.shiftMicros.get());
	}

	private double permits(String outcome) {
		var counter = this.registry.find(RateLimitGuard.PERMITS).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static long epochMicros() {
		Instant now = Instant.now();
		return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(now.getNano());
	}

}
