package io.genesysbridge.backend.deferral;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growing delay of repeated deferrals, and its limit for an open circuit.
 */
class DeferrerTests {

	private final DeferralProperties properties = new DeferralProperties("test.delay.",
			List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
					Duration.ofMinutes(10)),
			Duration.ofSeconds(5));

	@Test
	void shouldGrowOneTierPerDeferralUpToTheLongest() {
		assertThat(List.of(0, 1, 2, 3, 4, 9).stream().map((n) -> Deferrer.growingTier(this.properties, n, null)))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
					Duration.ofMinutes(10), Duration.ofMinutes(10));
	}

	@Test
	void shouldStopGrowingAtTheTierThatCoversTheLimit() {
		// an open circuit tries again after 30 s: waiting 2 or 10 minutes would only hold messages
		// back after the org recovered
		assertThat(List.of(0, 1, 2, 3, 4, 9).stream()
			.map((n) -> Deferrer.growingTier(this.properties, n, Duration.ofSeconds(30))))
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
					Duration.ofSeconds(30), Duration.ofSeconds(30));
		assertThat(Deferrer.growingTier(this.properties, 4, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(30));
		assertThat(Deferrer.growingTier(this.properties, 1, Duration.ofMillis(500))).isEqualTo(Duration.ofSeconds(1));
	}

}
