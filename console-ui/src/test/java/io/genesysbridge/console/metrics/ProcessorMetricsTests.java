package io.genesysbridge.console.metrics;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessorMetricsTests {

	@Test
	void shouldParseLabelsWithEscapesAndSumSeries() {
		String text = """
				# HELP genesysbridge_inbound_messages_total Inbound messages
				# TYPE genesysbridge_inbound_messages_total counter
				genesysbridge_inbound_messages_total{outcome="delivered",queue="genesys.outbound.ready",reason="none",} 40.0
				genesysbridge_inbound_messages_total{outcome="rejected",queue="q",reason="validation.text.empty"} 3.0
				genesysbridge_inbound_messages_total{outcome="rejected",queue="q",reason="say \\"hi\\", bye"} 2.0
				http_client_requests_seconds_bucket{uri="/api/v2/conversations/messages/{integrationId}/inbound/open/message",le="0.1"} 9.0
				http_client_requests_seconds_bucket{uri="/oauth/token",le="0.1"} 100.0
				""";
		Map<String, Double> values = new HashMap<>();

		PrometheusText.parse(text).forEach((sample) -> ProcessorMetrics.collect(sample, values));

		assertThat(values).containsEntry("inbound:delivered", 40.0)
			.containsEntry("inbound:rejected", 5.0)
			.containsEntry("latency:le=0.1", 9.0)
			.hasSize(3);
	}

	@Test
	void shouldInterpolateTheQuantileInsideItsBucket() {
		TreeMap<Double, Double> buckets = new TreeMap<>(
				Map.of(0.05, 50.0, 0.1, 90.0, 0.25, 100.0, Double.POSITIVE_INFINITY, 100.0));

		assertThat(Quantiles.fromCumulativeBuckets(buckets, 0.95).getAsDouble()).isCloseTo(0.175, within(1e-9));
		assertThat(Quantiles.fromCumulativeBuckets(new TreeMap<>(Map.of(Double.POSITIVE_INFINITY, 0.0)), 0.95))
			.isEmpty();
	}

	@Test
	void shouldComputeRatesAndDeltasOverTheWindowAcrossACounterReset() {
		MutableClock clock = new MutableClock();
		ProcessorMetrics metrics = new ProcessorMetrics(
				new MetricsProperties(List.of(URI.create("http://127.0.0.1:9/x")), Duration.ofSeconds(5),
						Duration.ofMinutes(15), Duration.ofSeconds(1)),
				clock);

		feed(metrics, clock, 0, 100);
		feed(metrics, clock, 60, 160);
		feed(metrics, clock, 120, 10);

		assertThat(metrics.rate("inbound:delivered", Duration.ofSeconds(60))).isCloseTo(10.0 / 60, within(1e-9));
		assertThat(metrics.delta("inbound:delivered", Duration.ofMinutes(5))).isEqualTo(10.0);
		assertThat(metrics.series("inbound:delivered", Duration.ofSeconds(10))).containsExactly(1.0, 10.0 / 60);
	}

	private static void feed(ProcessorMetrics metrics, MutableClock clock, long second, double delivered) {
		clock.now = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(second);
		metrics.record(Map.of("inbound:delivered", delivered), List.of());
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.EPOCH;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
