package io.genesysbridge.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class StatsTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void percentileIsNearestRank() {
		double[] values = new double[100];
		for (int i = 0; i < 100; i++) {
			values[99 - i] = i + 1;
		}
		assertThat(Stats.percentile(values, 50)).isEqualTo(50);
		assertThat(Stats.percentile(values, 99)).isEqualTo(99);
		assertThat(Stats.percentile(values, 99.5)).isEqualTo(100);
		assertThat(Stats.percentile(values, 100)).isEqualTo(100);
		assertThat(Stats.percentile(values, 0.1)).isEqualTo(1);
	}

	@Test
	void percentileOfSmallAndEmptySamples() {
		assertThat(Stats.percentile(new double[] { 7 }, 99)).isEqualTo(7);
		assertThat(Stats.percentile(new double[] { 3, 1, 2 }, 50)).isEqualTo(2);
		assertThat(Stats.percentile(new double[0], 50)).isNaN();
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.percentile(new double[] { 1 }, 0));
	}

	@Test
	void percentileLeavesTheSampleAlone() {
		double[] values = { 3, 1, 2 };
		Stats.percentile(values, 50);
		assertThat(values).containsExactly(3, 1, 2);
	}

	@Test
	void evenlySpacedEventsFillEachWindowWithTheRate() {
		long[] at = new long[500];
		for (int i = 0; i < at.length; i++) {
			at[i] = 10 * SECOND + i * (SECOND / 50);
		}
		assertThat(Stats.maxInWindow(at, SECOND)).isEqualTo(50);
		assertThat(Stats.meanRatePerSecond(at)).isCloseTo(50, within(1e-9));
	}

	@Test
	void theWindowSlidesAcrossSecondBoundaries() {
		// 30 events at the end of one second and 30 at the start of the next: fixed buckets would
		// see 30 and 30, a sliding window sees all 60 within 200 ms.
		long[] at = new long[60];
		for (int i = 0; i < 30; i++) {
			at[i] = SECOND - 100_000_000L + i * 1_000_000L;
			at[30 + i] = SECOND + i * 1_000_000L;
		}
		assertThat(Stats.maxInWindow(at, SECOND)).isEqualTo(60);
	}

	@Test
	void theBusiestWindowStartsAtItsFirstEvent() {
		long[] at = { 0, 3 * SECOND, 3 * SECOND + 10, 3 * SECOND + 20, 5 * SECOND };
		assertThat(Stats.busiestWindow(at, SECOND)).containsExactly(3, 3 * SECOND);
		assertThat(Stats.busiestWindow(new long[0], SECOND)).containsExactly(0, 0);
	}

	@Test
	void theWindowIsHalfOpen() {
		long[] at = { 0, SECOND, 2 * SECOND };
		assertThat(Stats.maxInWindow(at, SECOND)).isEqualTo(1);
		assertThat(Stats.maxInWindow(new long[] { 0, SECOND - 1 }, SECOND)).isEqualTo(2);
	}

	@Test
	void orderDoesNotMatter() {
		long[] at = { 5 * SECOND, 0, SECOND / 2, 4 * SECOND, SECOND / 4 };
		assertThat(Stats.maxInWindow(at, SECOND)).isEqualTo(3);
		assertThat(at[0]).isEqualTo(5 * SECOND);
		assertThat(Stats.meanRatePerSecond(at)).isCloseTo(4 / 5.0, within(1e-9));
	}

	@Test
	void degenerateSeries() {
		assertThat(Stats.maxInWindow(new long[0], SECOND)).isZero();
		assertThat(Stats.meanRatePerSecond(new long[] { 1 })).isNaN();
		assertThat(Stats.meanRatePerSecond(new long[] { 1, 1 })).isNaN();
	}

}
