package io.genesysbridge.backend.system;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.InboundEnvelopes;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A message that arrives with a W3C {@code traceparent} is processed in that trace:
 * through the sequencer to the work queue, into the Genesys calls (each retry too), onto
 * its correlation event and into the JSON log lines about it, sampled or not. The
 * processor adds its own spans, so the span ids it sends on are its own, never the
 * sender's. Without an OTLP endpoint nothing is exported.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingIT extends BackendIntegrationTest {

	private static final String TRACEPARENT = "traceparent";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private QueueProbe probe;

	@Autowired
	private ConnectionFactory connectionFactory;

	private StubMapping failOnce;

	@BeforeEach
	void putGenesysRight() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
	}

	@AfterEach
	void removeStub() {
		if (this.failOnce != null) {
			TestRun.FAKE.wireMock().removeStub(this.failOnce);
		}
	}

	@Test
	void shouldExportNothingWithoutAnEndpoint(@Autowired ApplicationContext context) {
		assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
		assertThat(context.getBeanNamesForType(LogRecordExporter.class)).isEmpty();
		assertThat(ClassUtils.isPresent("io.micrometer.registry.otlp.OtlpMeterRegistry", null)).isFalse();
	}

	@ParameterizedTest(name = "trace flags {0}")
	@ValueSource(strings = { "01", "00" })
	void shouldCarryTheTraceOfAConsumedMessageToGenesysTheCorrelationEventAndTheLog(String flags,
			CapturedOutput output) {
		String traceId = randomHex(16);
		String senderSpanId = randomHex(8);
		String wamid = "wamid.tracing." + UUID.randomUUID();
		this.failOnce = failFirstCallFor(wamid);

		publish(wamid, "00-" + traceId + "-" + senderSpanId + "-" + flags);

		Message event = this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(wamid), 1, WAIT).getFirst();
		Traceparent published = Traceparent.parse(event.getMessageProperties().getHeader(TRACEPARENT));
		assertThat(published.traceId()).isEqualTo(traceId);
		assertThat(published.spanId()).isNotEqualTo(senderSpanId);
		assertThat(published.flags()).isEqualTo(flags);
		List<Traceparent> calls = genesysCallsFor(wamid);
		assertThat(calls).as("the failed first call and its retry").hasSize(2).allSatisfy((call) -> {
			assertThat(call.traceId()).isEqualTo(traceId);
			assertThat(call.spanId()).isNotEqualTo(senderSpanId);
			assertThat(call.flags()).isEqualTo(flags);
		});
		JsonNode failedAttempt = await().atMost(WAIT)
			.until(() -> lineAbout(output, "Attempt 1 of message " + wamid), (line) -> line != null);
		assertThat(failedAttempt.path("traceId").asString()).isEqualTo(traceId);
		assertThat(failedAttempt.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo(senderSpanId);
		assertThat(failedAttempt.path(LogContext.WHATSAPP_MESSAGE_ID).asString()).isEqualTo(wamid);
	}

	private void publish(String wamid, String traceparent) {
		MessageProperties properties = new MessageProperties();
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setContentType("application/json");
		properties.setHeader(TRACEPARENT, traceparent);
		byte[] body = InboundEnvelopes.valid(TestRun.TENANTS[0], wamid,
				"4479" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)), "hello");
		new RabbitTemplate(this.connectionFactory).send("", TestRun.INBOUND_QUEUE, new Message(body, properties));
	}

	/**
	 * Fails this message's first Genesys call once (503), so it is retried and logs its
	 * failed attempt at INFO on the consumer thread.
	 */
	private static StubMapping failFirstCallFor(String wamid) {
		return TestRun.FAKE.wireMock()
			.stubFor(WireMock.post(WireMock.urlPathMatching(".*/inbound/open/message"))
				.withRequestBody(WireMock.containing(wamid))
				.inScenario("trace-" + wamid)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("failed")
				.willReturn(WireMock.aResponse().withStatus(503)));
	}

	private static List<Traceparent> genesysCallsFor(String wamid) {
		List<LoggedRequest> requests = TestRun.FAKE.wireMock()
			.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*/inbound/open/message"))
				.withRequestBody(WireMock.containing(wamid)));
		return requests.stream().map((request) -> Traceparent.parse(request.getHeader(TRACEPARENT))).toList();
	}

	private static JsonNode lineAbout(CapturedOutput output, String text) {
		return output.getOut()
			.lines()
			.filter((line) -> line.contains(text))
			.map(TracingIT::parse)
			.filter((line) -> line != null && line.path("message").asString().contains(text))
			.findFirst()
			.orElse(null);
	}

	private static JsonNode parse(String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		random[0] |= 1;
		return HexFormat.of().formatHex(random);
	}

	/** A W3C {@code traceparent}: version, trace id, parent span id, trace flags. */
	private record Traceparent(String traceId, String spanId, String flags) {

		static Traceparent parse(Object header) {
			assertThat(header).as(TRACEPARENT).isNotNull();
			String value = header.toString();
			assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
			String[] parts = value.split("-");
			return new Traceparent(parts[1], parts[2], parts[3]);
		}

	}

}
