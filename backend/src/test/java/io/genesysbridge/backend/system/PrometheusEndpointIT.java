package io.genesysbridge.backend.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance of the processor's metrics, read as Prometheus reads them: from
 * {@code /actuator/prometheus} on the management port. Messages of one run tenant move the
 * outcome counters by exactly their number, every Genesys call lands in the latency histogram
 * with its SLO buckets, a message's age is taken from its AMQP timestamp before its envelope,
 * and a Genesys 429 is counted, and deferred, under its tenant.
 */
class PrometheusEndpointIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String TENANT = TestRun.TENANTS[1];

	private static final String INBOUND_URI = "inbound/open/message";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private ConnectionFactory connectionFactory;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
		TestRun.FAKE.retryAfter(Duration.ofSeconds(1));
	}

	@Test
	void shouldMoveOutcomeCountersAndGenesysLatencyByExactlyTheRunsMessagesWhenScraped() {
		List<Sample> before = quietScrape();
		List<String> valid = List.of(wamid(), wamid(), wamid());
		String invalid = wamid();

		publishAgedByAmqpTimestamp(envelope(valid.get(0), "919800000001", "Inbound"), Duration.ofMinutes(10));
		publish(envelope(valid.get(1), "919800000002", "Inbound"));
		publish(envelope(valid.get(2), "919800000003", "Inbound"));
		publish(envelope(invalid, "919800000004", "Outbound"));
		valid.forEach((wamid) -> this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(wamid), 1, WAIT));
		publish(envelope(valid.get(2), "919800000003", "Inbound"));
		this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(invalid), 1, WAIT);
		await().atMost(WAIT).until(() -> delta(before, scrape(), "genesysbridge_inbound_messages_total",
				inboundQueue("duplicate")) >= 1);

		List<Sample> after = quietScrape();
		assertThat(delta(before, after, "genesysbridge_inbound_messages_total", inboundQueue("delivered")))
			.isEqualTo(3);
		assertThat(delta(before, after, "genesysbridge_inbound_messages_total", inboundQueue("duplicate")))
			.isEqualTo(1);
		assertThat(delta(before, after, "genesysbridge_messages_dead_lettered_total",
				label("binding", "inbound-in-0").and(label("reason", "validation.genesysPayload.direction.invalid"))))
			.isEqualTo(1);
		assertThat(delta(before, after, "http_client_requests_seconds_count", genesysInbound()
			.and(label("outcome", "SUCCESS"))
			.and(label("status", "202")))).isEqualTo(3);
		assertThat(delta(before, after, "http_client_requests_seconds_bucket", genesysInbound()
			.and(label("le", "+Inf")))).isEqualTo(3);
		assertThat(after).anyMatch((s) -> s.name().equals("http_client_requests_seconds_bucket")
				&& genesysInbound().and(label("le", "0.5")).test(s));
		assertThat(delta(before, after, "genesysbridge_inbound_message_age_seconds_count", queue())).isEqualTo(5);
		assertThat(delta(before, after, "genesysbridge_inbound_message_age_seconds_bucket",
				queue().and(label("le", "300.0"))))
			.isEqualTo(4);
		assertThat(after).extracting(Sample::name)
			.contains("genesysbridge_genesys_token_fetches_total", "genesysbridge_ratelimit_permits_total",
					"genesysbridge_messages_retries_total", "resilience4j_circuitbreaker_state");
	}

	@Test
	void shouldCountAGenesys429AndItsDeferralUnderTheTenantWhenScraped() {
		List<Sample> before = quietScrape();
		String wamid = wamid();
		Predicate<Sample> tenant = label("tenant", TENANT);
		TestRun.FAKE.failNext(1, 429);

		publish(envelope(wamid, "919800000005", "Inbound"));

		this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(wamid), 1, WAIT);
		List<Sample> after = quietScrape();
		assertThat(delta(before, after, "genesysbridge_ratelimit_genesys_throttled_total", tenant)).isEqualTo(1);
		assertThat(delta(before, after, "genesysbridge_messages_deferred_total",
				tenant.and(label("reason", "genesys.throttled"))))
			.isEqualTo(1);
		assertThat(delta(before, after, "genesysbridge_inbound_messages_total",
				inboundQueue("deferred").and(label("reason", "genesys.throttled"))))
			.isEqualTo(1);
	}

	/**
	 * Scrapes until nothing moves any more: other tests' messages (deferred ones come back
	 * from the delay tiers) must not count as this test's.
	 */
	private List<Sample> quietScrape() {
		List<List<Sample>> last = new ArrayList<>(List.of(scrape()));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			List<Sample> now = scrape();
			boolean still = activity(now) == activity(last.getFirst()) && queuesEmpty();
			last.set(0, now);
			return still;
		});
		return last.getFirst();
	}

	private double activity(List<Sample> samples) {
		return samples.stream()
			.filter((s) -> s.name().equals("genesysbridge_inbound_messages_total")
					|| s.name().equals("genesysbridge_messages_dead_lettered_total")
					|| s.name().equals("genesysbridge_messages_deferred_total")
					|| s.name().equals("http_client_requests_seconds_count"))
			.mapToDouble(Sample::value)
			.sum();
	}

	private boolean queuesEmpty() {
		List<String> queues = new ArrayList<>(List.of(TestRun.INBOUND_QUEUE, TestRun.WORK_QUEUE));
		for (String tier : TestRun.DELAY_TIERS) {
			long millis = tier.endsWith("ms") ? Long.parseLong(tier.substring(0, tier.length() - 2))
					: Long.parseLong(tier.substring(0, tier.length() - 1)) * 1000;
			queues.add(TestRun.DELAY_QUEUE_PREFIX + millis);
		}
		return queues.stream().allMatch((queue) -> this.probe.depth(queue) <= 0);
	}

	private List<Sample> scrape() {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body().lines().map(PrometheusEndpointIT::sample).filter((s) -> s != null).toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double delta(List<Sample> before, List<Sample> after, String name, Predicate<Sample> filter) {
		return sum(after, name, filter) - sum(before, name, filter);
	}

	private static double sum(List<Sample> samples, String name, Predicate<Sample> filter) {
		return samples.stream().filter((s) -> s.name().equals(name) && filter.test(s)).mapToDouble(Sample::value).sum();
	}

	private static Predicate<Sample> inboundQueue(String outcome) {
		return queue().and(label("outcome", outcome));
	}

	private static Predicate<Sample> queue() {
		return label("queue", TestRun.INBOUND_QUEUE);
	}

	private static Predicate<Sample> genesysInbound() {
		return (s) -> s.labels().getOrDefault("uri", "").startsWith("/api/v2/")
				&& s.labels().getOrDefault("uri", "").contains(INBOUND_URI)
				&& s.labels().getOrDefault("method", "").equals("POST");
	}

	private static Predicate<Sample> label(String name, String value) {
		return (s) -> value.equals(s.labels().get(name));
	}

	private static Sample sample(String line) {
		Matcher matcher = SAMPLE.matcher(line.trim());
		if (line.startsWith("#") || !matcher.matches()) {
			return null;
		}
		Map<String, String> labels = new LinkedHashMap<>();
		if (matcher.group(3) != null) {
			Matcher label = LABEL.matcher(matcher.group(3));
			while (label.find()) {
				labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
		}
		return new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(4).replace("Inf", "Infinity")));
	}

	private void publish(String body) {
		this.probe.publish(TestRun.INBOUND_QUEUE, body.getBytes(StandardCharsets.UTF_8), "application/json");
	}

	private void publishAgedByAmqpTimestamp(String body, Duration age) {
		MessageProperties properties = new MessageProperties();
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setContentType("application/json");
		properties.setTimestamp(Date.from(Instant.now().minus(age)));
		new RabbitTemplate(this.connectionFactory).send("", TestRun.INBOUND_QUEUE,
				new Message(body.getBytes(StandardCharsets.UTF_8), properties));
	}

	/**
	 * @param direction {@code Inbound}, or anything else for a message that fails validation
	 * @return an envelope sent a second ago by its {@code metadata.timestamp}
	 */
	private static String envelope(String wamid, String customer, String direction) {
		return """
				{"metadata":{"tenantId":"%s","whatsapp_message_id":"%s","timestamp":"%s","retryCount":0,
				"correlationId":"corr-%s"},"genesysPayload":{"id":"payload-%s","channel":{"platform":"Open",
				"type":"Private","messageId":"%s","from":{"nickname":"J","id":"%s","idType":"Phone"},
				"time":"2026-11-15T03:33:20.000Z"},"type":"Text","text":"Hello","direction":"%s"}}"""
			.formatted(TENANT, wamid, Instant.now().minusSeconds(1), wamid, wamid, wamid, customer, direction);
	}

	private static String wamid() {
		return "wamid.metrics." + UUID.randomUUID();
	}

	/**
	 * One line of the exposition format.
	 */
	private record Sample(String name, Map<String, String> labels, double value) {
	}

}
