package io.genesysbridge.console.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads the processor's Prometheus endpoints every few seconds (every replica, see
 * {@link ScrapeTargets}) and answers "how much in the last minutes" from the short
 * history: increases and rates of counters, per replica and then summed, the way
 * Prometheus's {@code increase} does it (a counter reset, when a replica restarts, counts
 * from zero; a replica that misses a scrape or goes away never makes the sum go
 * backwards), and the p95 of the Genesys inbound-call latency from histogram bucket
 * increases, as Prometheus's {@code histogram_quantile} would.
 */
public class ProcessorMetrics {

	/** Key prefix of each tenant's deferrals: {@code tenant.deferred:<tenant>}. */
	public static final String TENANT_DEFERRED = "tenant.deferred:";

	/** Key prefix of each tenant's Genesys 429s: {@code tenant.throttled:<tenant>}. */
	public static final String TENANT_THROTTLED = "tenant.throttled:";

	private static final Log logger = LogFactory.getLog(ProcessorMetrics.class);

	private final MetricsProperties properties;

	private final Clock clock;

	private final ScrapeTargets targets;

	private final HttpClient http;

	private final Deque<Snapshot> history = new ArrayDeque<>();

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastSuccess;

	ProcessorMetrics(MetricsProperties properties, Clock clock, ScrapeTargets targets) {
		this.properties = properties;
		this.clock = clock;
		this.targets = targets;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Scheduled(fixedDelayString = "${console.metrics.interval:5s}")
	void scrape() {
		List<String> errors = new ArrayList<>();
		Map<String, Map<String, Double>> byTarget = new TreeMap<>();
		for (URI url : this.targets.resolve(this.properties.prometheusUrls(), errors)) {
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(url).timeout(this.properties.timeout()).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					errors.add(url + " answered " + response.statusCode());
					continue;
				}
				Map<String, Double> values = new HashMap<>();
				PrometheusText.parse(response.body()).forEach((sample) -> CounterKeys.collect(sample, values));
				byTarget.put(url.toString(), values);
			}
			catch (java.io.IOException ex) {
				errors.add(url + ": " + ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		record(byTarget, errors);
	}

	/**
	 * @param byTarget the counters read, by the endpoint that answered
	 * @param errors what went wrong reading the others
	 */
	synchronized void record(Map<String, Map<String, Double>> byTarget, List<String> errors) {
		Instant now = this.clock.instant();
		if (!byTarget.isEmpty()) {
			this.history.addLast(new Snapshot(now, Map.copyOf(byTarget)));
			this.lastSuccess = now;
		}
		while (!this.history.isEmpty() && this.history.getFirst().at().isBefore(now.minus(this.properties.history()))) {
			this.history.removeFirst();
		}
		String error = errors.isEmpty() ? null : String.join("; ", errors);
		if (error != null && !error.equals(this.lastError)) {
			logger.warn("Processor metrics unavailable: " + error);
		}
		this.lastError = error;
	}

	/**
	 * @param key a counter key
	 * @param window how far back
	 * @return its increase over the window (or over the history so far, if shorter); a
	 * replica's first reading is its baseline, while a series that appears on a replica
	 * already read (a tenant's first deferral, say) counts from zero, as Micrometer
	 * registers a counter at its first increment
	 */
	public synchronized double delta(String key, Duration window) {
		Snapshot latest = this.history.peekLast();
		if (latest == null) {
			return 0;
		}
		Instant from = latest.at().minus(window);
		Map<String, Double> previous = new HashMap<>();
		double increase = 0;
		for (Snapshot snapshot : this.history) {
			for (Map.Entry<String, Map<String, Double>> target : snapshot.targets().entrySet()) {
				double value = target.getValue().getOrDefault(key, 0.0);
				Double before = previous.put(target.getKey(), value);
				if (before != null && snapshot.at().isAfter(from)) {
					increase += (value >= before) ? value - before : value;
				}
			}
		}
		return increase;
	}

	/**
	 * @param key a counter key
	 * @param window how far back
	 * @return its average rate per second over the window
	 */
	public synchronized double rate(String key, Duration window) {
		Snapshot latest = this.history.peekLast();
		Snapshot base = baseline(window);
		if (latest == null || base == null || base == latest) {
			return 0;
		}
		double seconds = Math.max(1, Duration.between(base.at(), latest.at()).toMillis() / 1000.0);
		return delta(key, window) / seconds;
	}

	/**
	 * @param prefix key prefix, e.g. {@code deferred:}
	 * @param window how far back
	 * @return the increase of every counter with that prefix, by the rest of its key
	 */
	public synchronized Map<String, Double> deltas(String prefix, Duration window) {
		Map<String, Double> deltas = new TreeMap<>();
		for (Snapshot snapshot : this.history) {
			for (Map<String, Double> values : snapshot.targets().values()) {
				for (String key : values.keySet()) {
					if (key.startsWith(prefix)) {
						deltas.computeIfAbsent(key.substring(prefix.length()), (rest) -> delta(key, window));
					}
				}
			}
		}
		return deltas;
	}

	/**
	 * @param window how far back
	 * @return the 95th percentile of Genesys inbound-call latency in seconds, if calls
	 * were made
	 */
	public synchronized OptionalDouble p95(Duration window) {
		TreeMap<Double, Double> buckets = new TreeMap<>();
		for (Map.Entry<String, Double> entry : deltas("latency:le=", window).entrySet()) {
			buckets.put(Double.parseDouble(entry.getKey().replace("Inf", "Infinity")), entry.getValue());
		}
		return Quantiles.fromCumulativeBuckets(buckets, 0.95);
	}

	/**
	 * @param key a counter key
	 * @param step bucket width
	 * @return the counter's rate per second in each step of the history, oldest first
	 */
	public synchronized List<Double> series(String key, Duration step) {
		List<Double> series = new ArrayList<>();
		Snapshot previous = null;
		for (Snapshot snapshot : this.history) {
			if (previous == null) {
				previous = snapshot;
				continue;
			}
			Duration between = Duration.between(previous.at(), snapshot.at());
			if (between.compareTo(step) >= 0) {
				series.add(increase(previous, snapshot, key) / (between.toMillis() / 1000.0));
				previous = snapshot;
			}
		}
		return series;
	}

	/**
	 * @return the last read's error, or null when every endpoint answered
	 */
	public @Nullable String lastError() {
		return this.lastError;
	}

	/**
	 * @return when the processor's metrics were last read, or null if never
	 */
	public @Nullable Instant lastSuccess() {
		return this.lastSuccess;
	}

	/**
	 * The increase between two snapshots of the replicas present in both.
	 */
	private static double increase(Snapshot from, Snapshot to, String key) {
		double increase = 0;
		for (Map.Entry<String, Map<String, Double>> target : to.targets().entrySet()) {
			Map<String, Double> before = from.targets().get(target.getKey());
			if (before != null) {
				double value = target.getValue().getOrDefault(key, 0.0);
				double earlier = before.getOrDefault(key, 0.0);
				increase += (value >= earlier) ? value - earlier : value;
			}
		}
		return increase;
	}

	private @Nullable Snapshot baseline(Duration window) {
		Snapshot latest = this.history.peekLast();
		if (latest == null) {
			return null;
		}
		Instant from = latest.at().minus(window);
		Snapshot base = this.history.peekFirst();
		for (Snapshot snapshot : this.history) {
			if (snapshot.at().isAfter(from)) {
				break;
			}
			base = snapshot;
		}
		return base;
	}

}
