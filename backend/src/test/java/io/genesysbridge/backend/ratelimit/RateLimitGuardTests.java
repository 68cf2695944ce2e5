package io.genesysbridge.backend.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a permit is too late to use: more than one emission interval, and more than 20 ms, after
 * its slot.
 */
class RateLimitGuardTests {

	@Test
	void shouldUseAPermitWhoseWaitEndedWithinOneIntervalOfItsSlot() {
		// 3,000 per minute: one permit every 20 ms
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(0).toNanos(), 3000)).isFalse();
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(19).toNanos(), 3000)).isFalse();
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(20).toNanos(), 3000)).isFalse();
	}

	@Test
	void shouldNotUseAPermitWhoseWaitEndedMoreThanOneIntervalLate() {
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(21).toNanos(), 3000)).isTrue();
		// 300 per minute: one every 200 ms, so 150 ms late is still the caller's slot
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(150).toNanos(), 300)).isFalse();
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(201).toNanos(), 300)).isTrue();
	}

	@Test
	void shouldAllowAtLeast20MsWhenTheIntervalIsShorter() {
		// 600,000 per minute: one permit every 100 µs, far below ordinary scheduling jitter
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(5).toNanos(), 600_000)).isFalse();
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(20).toNanos(), 600_000)).isFalse();
		assertThat(RateLimitGuard.isStale(Duration.ofMillis(21).toNanos(), 600_000)).isTrue();
	}

}
