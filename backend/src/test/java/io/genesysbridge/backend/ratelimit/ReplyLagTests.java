package io.genesysbridge.backend.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag of a limiter reply is measured against the best recent reply, so clock skew between
 * the hosts cancels out and only time spent queued remains.
 */
class ReplyLagTests {

	private static final long WINDOW = 10_000_000;

	@Test
	void shouldSeeNoLagWhateverTheSkewBetweenTheClocks() {
		ReplyLag lag = new ReplyLag(WINDOW);
		long redis = 1_000_000_000_000L;
		long skew = -5_000_000; // this host's clock 5 s behind Redis's

		assertThat(lag.micros(redis, redis + skew + 300)).isZero();
		assertThat(lag.micros(redis + 20_000, redis + 20_000 + skew + 300)).isZero();
	}

	@Test
	void shouldMeasureHowMuchLaterThanTheBestRecentReplyOneIsHandled() {
		ReplyLag lag = new ReplyLag(WINDOW);
		long redis = 1_000_000_000_000L;
		lag.micros(redis, redis + 400);
		lag.micros(redis + 1_000, redis + 1_000 + 250);

		assertThat(lag.micros(redis + 2_000, redis + 2_000 + 120_250)).as("120 ms queued after the best reply's 250 µs")
			.isEqualTo(120_000);
	}

	@Test
	void shouldForgetTheFloorAfterTwoWindowsSoClockDriftIsNotTakenForLag() {
		ReplyLag lag = new ReplyLag(WINDOW);
		long redis = 1_000_000_000_000L;
		lag.micros(redis, redis + 300);

		// the local clock has drifted 50 ms ahead since
		long drifted = 50_000 + 300;
		assertThat(lag.micros(redis + WINDOW, redis + WINDOW + drifted)).as("still within the old floor's windows")
			.isEqualTo(50_000);
		assertThat(lag.micros(redis + 2 * WINDOW + 1, redis + 2 * WINDOW + 1 + drifted)).isZero();
	}

}
