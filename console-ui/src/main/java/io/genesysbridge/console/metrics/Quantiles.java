package io.genesysbridge.console.metrics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/**
 * Quantiles from cumulative histogram buckets, interpolating linearly inside the bucket
 * the rank falls into (Prometheus's {@code histogram_quantile}).
 */
final class Quantiles {

	private Quantiles() {
	}

	/**
	 * @param buckets cumulative counts by upper bound (including {@code +Inf})
	 * @param quantile e.g. 0.95
	 * @return the estimate in the buckets' unit, empty when there are no observations
	 */
	static OptionalDouble fromCumulativeBuckets(NavigableMap<Double, Double> buckets, double quantile) {
		if (buckets.isEmpty()) {
			return OptionalDouble.empty();
		}
		double total = buckets.lastEntry().getValue();
		if (total <= 0) {
			return OptionalDouble.empty();
		}
		double rank = quantile * total;
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return OptionalDouble.of(lowerBound);
				}
				double inBucket = bucket.getValue() - lowerCount;
				double fraction = (inBucket <= 0) ? 1 : (rank - lowerCount) / inBucket;
				return OptionalDouble.of(lowerBound + (bucket.getKey() - lowerBound) * fraction);
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return OptionalDouble.of(lowerBound);
	}

}
