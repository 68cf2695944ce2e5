package io.genesysbridge.backend.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.InboundEnvelopes;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The processor's log as an operator's log pipeline reads it: one JSON object per line, the
 * message's ids as fields of the lines about it, phone numbers only masked and message text
 * never; and the level of a package changed at run time through the actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIT extends BackendIntegrationTest {

	private static final String INBOUND_PACKAGE = "io.genesysbridge.backend.inbound";

	private static final String LOGGER_PATH = "/actuator/loggers/" + INBOUND_PACKAGE;

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private QueueProbe probe;

	private WebTestClient management;

	private StubMapping failOnce;

	@BeforeEach
	void connect() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	@AfterEach
	void resetLevelAndGenesys() {
		setLevel(null);
		if (this.failOnce != null) {
			TestRun.FAKE.wireMock().removeStub(this.failOnce);
		}
	}

	@Test
	void shouldApplyALevelPostedToTheLoggersEndpoint() {
		assertThat(LoggerFactory.getLogger(INBOUND_PACKAGE + ".InboundProcessor").isDebugEnabled()).isFalse();

		setLevel("DEBUG");

		this.management.get()
			.uri(LOGGER_PATH)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.configuredLevel")
			.isEqualTo("DEBUG")
			.jsonPath("$.effectiveLevel")
			.isEqualTo("DEBUG");
		assertThat(LoggerFactory.getLogger(INBOUND_PACKAGE + ".InboundProcessor").isDebugEnabled()).isTrue();

		setLevel(null);

		assertThat(LoggerFactory.getLogger(INBOUND_PACKAGE + ".InboundProcessor").isDebugEnabled()).isFalse();
	}

	@Test
	void shouldLogJsonLinesWithTheMessageIdsAndWithoutPhoneNumbersOrText(CapturedOutput output) {
		setLevel("DEBUG");
		String phone = "4479" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		String text = "private words " + UUID.randomUUID();
		String delivered = "wamid.logging." + UUID.randomUUID();
		String rejected = "wamid.logging." + UUID.randomUUID();
		this.failOnce = failFirstCallFor(delivered);

		this.probe.publish(TestRun.INBOUND_QUEUE, InboundEnvelopes.valid(TestRun.TENANTS[0], delivered, phone, text),
				"application/json");
		this.probe.publish(TestRun.INBOUND_QUEUE,
				InboundEnvelopes.valid(TestRun.DISABLED_TENANT, rejected, phone, text), "application/json");
		this.probe.await(TestRun.CORRELATION_QUEUE, QueueProbe.bodyContains(delivered), 1, WAIT);
		this.probe.await(TestRun.DEAD_LETTER_QUEUE, QueueProbe.bodyContains(rejected), 1, WAIT);
		await().atMost(WAIT).until(() -> output.getOut().contains("Dead-lettering message " + rejected));

		List<JsonNode> lines = output.getOut().lines().filter((line) -> !line.isBlank()).map(this::parse).toList();
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.has("@timestamp")).isTrue();
			assertThat(line.path("log").path("level").asString()).isNotEmpty();
			assertThat(line.path("service").path("name").asString()).isEqualTo("genesys-bridge");
		});
		assertIds(lineAbout(lines, "Attempt 1 of message " + delivered), "INFO", TestRun.TENANTS[0], delivered);
		JsonNode deadLettering = lineAbout(lines, "Dead-lettering message " + rejected);
		assertIds(deadLettering, "WARN", TestRun.DISABLED_TENANT, rejected);
		// the binder applied the bridge's container customizer: consumers on its virtual threads
		assertThat(deadLettering.path("process").path("thread").path("name").asString()).startsWith("consumer-");
		assertThat(lineAbout(lines, "Delivered message " + delivered).path("message").asString())
			.contains("*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4));
		assertThat(output.getAll()).doesNotContain(phone).doesNotContain(text);
	}

	private void setLevel(String level) {
		this.management.post()
			.uri(LOGGER_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue((level != null) ? Map.of("configuredLevel", level) : Map.of())
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	/**
	 * A transient failure of this message's first Genesys call, so that it logs a failed attempt
	 * at INFO; the second call goes to the fake as usual.
	 */
	private static StubMapping failFirstCallFor(String wamid) {
		return TestRun.FAKE.wireMock()
			.stubFor(WireMock.post(WireMock.urlPathMatching(".*/inbound/open/message"))
				.withRequestBody(WireMock.containing(wamid))
				.inScenario("fail-once-" + wamid)
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("failed")
				.willReturn(WireMock.aResponse().withStatus(503)));
	}

	private JsonNode parse(String line) {
		try {
			JsonNode node = JSON.readTree(line);
			assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
			return node;
		}
		catch (JacksonException ex) {
			return fail("not a JSON line: " + line);
		}
	}

	private static JsonNode lineAbout(List<JsonNode> lines, String text) {
		return lines.stream()
			.filter((line) -> line.path("message").asString().contains(text))
			.findFirst()
			.orElseGet(() -> fail("no log line about '" + text + "'"));
	}

	private static void assertIds(JsonNode line, String level, String tenant, String wamid) {
		assertThat(line.path("log").path("level").asString()).isEqualTo(level);
		assertThat(line.path(LogContext.TENANT_ID).asString()).isEqualTo(tenant);
		assertThat(line.path(LogContext.WHATSAPP_MESSAGE_ID).asString()).isEqualTo(wamid);
		assertThat(line.path(LogContext.CORRELATION_ID).asString()).isEqualTo(InboundEnvelopes.correlationId(wamid));
	}

}
