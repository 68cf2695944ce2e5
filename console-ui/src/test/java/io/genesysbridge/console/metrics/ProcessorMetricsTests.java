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

		PrometheusText.parse(text).forEach((sample) -> CounterKeys.collect(sample, values));

		assertThat(values).containsEntry("inbound:delivered", 40.0)
			.containsEntry("inbound:rejected", 5.0)
			.containsEntry("latency:le=0.1", 9.0)
			.hasSize(3);
	}

	@Test
	void shouldKeepDeferralsAnd429sPerTenantBesideTheTotalsWhenTheProcessorTagsTenants() {
		String text = """
				genesysbridge_messages_deferred_total{reason="ratelimit",tenant="acme"} 4.0
				genesysbridge_messages_deferred_total{reason="order.waiting",tenant="acme"} 1.0
				genesysbridge_messages_deferred_total{reason="ratelimit",tenant="other"} 2.0
				genesysbridge_messages_deferred_total{reason="ratelimit"} 7.0
				genesysbridge_ratelimit_genesys_throttled_total{tenant="acme"} 3.0
				genesysbridge_ratelimit_genesys_throttled_total{tenant="globex"} 1.0
				""";
		Map<String, Double> values = new HashMap<>();

		PrometheusText.parse(text).forEach((sample) -> CounterKeys.collect(sample, values));

		assertThat(values).containsEntry("deferred:ratelimit", 13.0)
			.containsEntry("deferred:order.waiting", 1.0)
			.containsEntry("tenant.deferred:acme", 5.0)
			.containsEntry("tenant.deferred:other", 2.0)
			.containsEntry("throttled", 4.0)
			.containsEntry("tenant.throttled:acme", 3.0)
			.containsEntry("tenant.throttled:globex", 1.0)
			.hasSize(7);
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
		ProcessorMetrics metrics = metrics(clock);

		feed(metrics, clock, 0, Map.of("a", 100.0));
		feed(metrics, clock, 60, Map.of("a", 160.0));
		feed(metrics, clock, 120, Map.of("a", 10.0));

		assertThat(metrics.rate("inbound:delivered", Duration.ofSeconds(60))).isCloseTo(10.0 / 60, within(1e-9));
		assertThat(metrics.delta("inbound:delivered", Duration.ofMinutes(5))).isEqualTo(70.0);
		assertThat(metrics.series("inbound:delivered", Duration.ofSeconds(10))).containsExactly(1.0, 10.0 / 60);
	}

	@Test
	void shouldSumReplicasWithoutGoingBackwardsWhenOneMissesAScrapeOrJoins() {
		MutableClock clock = new MutableClock();
		ProcessorMetrics metrics = metrics(clock);

		feed(metrics, clock, 0, Map.of("a", 1000.0, "b", 2000.0));
		feed(metrics, clock, 10, Map.of("a", 1010.0));
		feed(metrics, clock, 20, Map.of("a", 1020.0, "b", 2005.0, "c", 50.0));
		feed(metrics, clock, 30, Map.of("a", 1030.0, "b", 2010.0, "c", 53.0));

		assertThat(metrics.delta("inbound:delivered", Duration.ofMinutes(5))).isEqualTo(30.0 + 10.0 + 3.0);
		assertThat(metrics.delta("inbound:delivered", Duration.ofSeconds(10))).isEqualTo(10.0 + 5.0 + 3.0);
		assertThat(metrics.series("inbound:delivered", Duration.ofSeconds(10))).containsExactly(1.0, 1.0, 1.8);
	}

	@Test
	void shouldGiveEachTenantsIncreaseCountingASeriesNewOnAKnownReplicaFromZero() {
		MutableClock clock = new MutableClock();
		ProcessorMetrics metrics = metrics(clock);

		clock.now = Instant.parse("2026-11-21T10:00:00Z");
		metrics.record(Map.of("a", Map.of("tenant.deferred:acme", 5.0)), List.of());
		clock.now = clock.now.plusSeconds(30);
		metrics.record(Map.of("a", Map.of("tenant.deferred:acme", 9.0, "tenant.deferred:globex", 2.0)), List.of());
		clock.now = clock.now.plusSeconds(30);
		metrics.record(Map.of("a", Map.of("tenant.deferred:acme", 10.0, "tenant.deferred:globex", 6.0)), List.of());

		assertThat(metrics.deltas(ProcessorMetrics.TENANT_DEFERRED, Duration.ofMinutes(5)))
			.containsExactlyEntriesOf(new TreeMap<>(Map.of("acme", 5.0, "globex", 6.0)));
	}

	@Test
	void shouldKeepNoSnapshotAndReportTheErrorWhenNoReplicaAnswers() {
		MutableClock clock = new MutableClock();
		ProcessorMetrics metrics = metrics(clock);

		metrics.record(Map.of(), List.of("http://10.0.0.1:8081/actuator/prometheus: ConnectException"));

		assertThat(metrics.lastSuccess()).isNull();
		assertThat(metrics.lastError()).contains("ConnectException");
		assertThat(metrics.delta("inbound:delivered", Duration.ofMinutes(5))).isZero();
	}

	private static ProcessorMetrics metrics(Clock clock) {
		return new ProcessorMetrics(new MetricsProperties(List.of(URI.create("http://127.0.0.1:9/x")),
				Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofSeconds(1)), clock,
				new ScrapeTargets((host) -> new java.net.InetAddress[0]));
	}

	private static void feed(ProcessorMetrics metrics, MutableClock clock, long second,
			Map<String, Double> deliveredByReplica) {
		clock.now = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(second);
		Map<String, Map<String, Double>> byTarget = new HashMap<>();
		deliveredByReplica.forEach((replica, delivered) -> byTarget.put(replica, Map.of("inbound:delivered", delivered)));
		metrics.record(byTarget, List.of());
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
