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
 * Reads the processor's Prometheus endpoints every few seconds and answers "how much in
 * the last minutes" from the short history: rates and deltas of counters (a counter
 * reset, when a replica restarts, counts from zero), and the p95 of the Genesys
 * inbound-call latency from histogram bucket deltas, as Prometheus's
 * {@code histogram_quantile} would.
 */
public class ProcessorMetrics {

	private static final Log logger = LogFactory.getLog(ProcessorMetrics.class);

	private static final String INBOUND_URI = "inbound/open/message";

	private final MetricsProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final Deque<Snapshot> history = new ArrayDeque<>();

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastSuccess;

	ProcessorMetrics(MetricsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	@Scheduled(fixedDelayString = "${console.metrics.interval:5s}")
	void scrape() {
		Map<String, Double> values = new HashMap<>();
		List<String> errors = new ArrayList<>();
		for (URI url : this.properties.prometheusUrls()) {
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(url).timeout(this.properties.timeout()).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					errors.add(url + " answered " + response.statusCode());
					continue;
				}
				PrometheusText.parse(response.body()).forEach((sample) -> collect(sample, values));
			}
			catch (java.io.IOException ex) {
				errors.add(url + ": " + ex.getClass().getSimpleName());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		record(values, errors);
	}

	synchronized void record(Map<String, Double> values, List<String> errors) {
		Instant now = this.clock.instant();
		if (errors.size() < this.properties.prometheusUrls().size()) {
			this.history.addLast(new Snapshot(now, values));
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

	static void collect(PrometheusText.Sample sample, Map<String, Double> values) {
		String key = switch (sample.name()) {
			case "genesysbridge_inbound_messages_total" -> "inbound:" + sample.label("outcome");
			case "genesysbridge_messages_dead_lettered_total" -> "deadlettered";
			case "genesysbridge_messages_deferred_total" -> "deferred:" + sample.label("reason");
			case "genesysbridge_ratelimit_genesys_throttled_total" -> "throttled";
			case "genesysbridge_ratelimit_permits_total" -> "permits:" + sample.label("outcome");
			case "http_client_requests_seconds_bucket" ->
				sample.label("uri").contains(INBOUND_URI) ? "latency:le=" + sample.label("le") : null;
			case "http_client_requests_seconds_count" ->
				sample.label("uri").contains(INBOUND_URI) ? "latency:count" : null;
			default -> null;
		};
		if (key != null) {
			values.merge(key, sample.value(), Double::sum);
		}
	}

	/**
	 * @param key a counter key
	 * @param window how far back
	 * @return its increase over the window (or over the history so far, if shorter)
	 */
	public synchronized double delta(String key, Duration window) {
		Snapshot latest = this.history.peekLast();
		Snapshot base = baseline(window);
		if (latest == null || base == null || base == latest) {
			return 0;
		}
		double delta = latest.value(key) - base.value(key);
		return (delta >= 0) ? delta : latest.value(key);
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
		Snapshot latest = this.history.peekLast();
		if (latest == null) {
			return deltas;
		}
		for (String key : latest.values().keySet()) {
			if (key.startsWith(prefix)) {
				deltas.put(key.substring(prefix.length()), delta(key, window));
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
				double delta = snapshot.value(key) - previous.value(key);
				series.add(Math.max(0, (delta >= 0) ? delta : snapshot.value(key)) / (between.toMillis() / 1000.0));
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
