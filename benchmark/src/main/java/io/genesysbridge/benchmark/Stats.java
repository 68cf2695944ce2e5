package io.genesysbridge.benchmark;

import java.util.Arrays;

/**
 * The few computations the table rests on: nearest-rank percentiles, the busiest window of a
 * series of instants, and the mean rate of such a series.
 */
final class Stats {

	private Stats() {
	}

	/**
	 * Nearest-rank percentile: the smallest value with at least {@code p} % of the values at or
	 * below it.
	 * @param values the sample (not changed)
	 * @param p percentile, 0 &lt; p &lt;= 100
	 * @return the percentile, or {@code NaN} for an empty sample
	 */
	static double percentile(double[] values, double p) {
		if (p <= 0 || p > 100) {
			throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
		}
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(1, rank) - 1];
	}

	/**
	 * The most instants in any window {@code [t, t + window)}: a sliding window over every
	 * start, not fixed one-second buckets (which can hide a burst straddling a boundary).
	 * @param instants points in time, any unit, any order (not changed)
	 * @param window the window length, same unit
	 * @return the highest count, 0 for no instants
	 */
	static int maxInWindow(long[] instants, long window) {
		return (int) busiestWindow(instants, window)[0];
	}

	/**
	 * @param instants points in time, any unit, any order (not changed)
	 * @param window the window length, same unit
	 * @return {count, start} of the first busiest window {@code [start, start + window)};
	 * {0, 0} for no instants
	 */
	static long[] busiestWindow(long[] instants, long window) {
		if (window <= 0) {
			throw new IllegalArgumentException("window must be positive");
		}
		long[] sorted = instants.clone();
		Arrays.sort(sorted);
		int max = 0;
		long maxStart = 0;
		int start = 0;
		for (int end = 0; end < sorted.length; end++) {
			while (sorted[end] - sorted[start] >= window) {
				start++;
			}
			if (end - start + 1 > max) {
				max = end - start + 1;
				maxStart = sorted[start];
			}
		}
		return new long[] { max, maxStart };
	}

	/**
	 * Mean rate of a series of events: the intervals between the first and the last event
	 * divided by the time they span, so n evenly spaced events at rate r give exactly r.
	 * @param instantsNanos event times in nanoseconds, any order
	 * @return events per second, {@code NaN} for fewer than two events or no elapsed time
	 */
	static double meanRatePerSecond(long[] instantsNanos) {
		if (instantsNanos.length < 2) {
			return Double.NaN;
		}
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (long t : instantsNanos) {
			first = Math.min(first, t);
			last = Math.max(last, t);
		}
		if (last == first) {
			return Double.NaN;
		}
		return (instantsNanos.length - 1) / ((last - first) / 1e9);
	}

}
