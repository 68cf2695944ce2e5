package io.genesysbridge.console.metrics;

import java.util.Map;

/**
 * Which of the processor's Prometheus samples the console keeps, and under which key:
 * {@code inbound:<outcome>}, {@code deadlettered}, {@code deferred:<reason>},
 * {@code tenant.deferred:<tenant>}, {@code throttled}, {@code tenant.throttled:<tenant>},
 * {@code permits:<outcome>}, and the Genesys inbound-call latency buckets
 * {@code latency:le=<bound>} and {@code latency:count}. Series of one key are summed.
 */
final class CounterKeys {

	private static final String INBOUND_URI = "inbound/open/message";

	private CounterKeys() {
	}

	static void collect(PrometheusText.Sample sample, Map<String, Double> values) {
		switch (sample.name()) {
			case "genesysbridge_inbound_messages_total" -> add(values, "inbound:" + sample.label("outcome"), sample);
			case "genesysbridge_messages_dead_lettered_total" -> add(values, "deadlettered", sample);
			case "genesysbridge_messages_deferred_total" -> {
				add(values, "deferred:" + sample.label("reason"), sample);
				addPerTenant(values, ProcessorMetrics.TENANT_DEFERRED, sample);
			}
			case "genesysbridge_ratelimit_genesys_throttled_total" -> {
				add(values, "throttled", sample);
				addPerTenant(values, ProcessorMetrics.TENANT_THROTTLED, sample);
			}
			case "genesysbridge_ratelimit_permits_total" -> add(values, "permits:" + sample.label("outcome"), sample);
			case "http_client_requests_seconds_bucket" -> addLatency(values, "latency:le=" + sample.label("le"), sample);
			case "http_client_requests_seconds_count" -> addLatency(values, "latency:count", sample);
			default -> {
			}
		}
	}

	private static void addLatency(Map<String, Double> values, String key, PrometheusText.Sample sample) {
		if (sample.label("uri").contains(INBOUND_URI)) {
			add(values, key, sample);
		}
	}

	/**
	 * A processor older than the tenant tag has none: it counts only in the totals.
	 */
	private static void addPerTenant(Map<String, Double> values, String prefix, PrometheusText.Sample sample) {
		String tenant = sample.label("tenant");
		if (!tenant.isEmpty()) {
			add(values, prefix + tenant, sample);
		}
	}

	private static void add(Map<String, Double> values, String key, PrometheusText.Sample sample) {
		values.merge(key, sample.value(), Double::sum);
	}

}
