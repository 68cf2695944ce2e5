package io.genesysbridge.backend.typing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TypingEventParserTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final TypingEventParser parser = new TypingEventParser(JsonMapper.builder().build(), "Opaque",
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldReadTheDocumentedShape() {
		TypingEvent event = parse("""
				{"tenantId":"t","from":{"id":"919876543210","idType":"Phone"},"integrationId":"i",
				"timestamp":"2026-11-20T09:59:59.500Z"}""");

		assertThat(event).isEqualTo(
				new TypingEvent("t", "919876543210", "Phone", "i", Instant.parse("2026-11-20T09:59:59.500Z")));
	}

	@Test
	void shouldDefaultTheIdTypeIntegrationAndTime() {
		assertThat(parse("{\"tenantId\":\"t\",\"from\":{\"id\":\"4711\"}}"))
			.isEqualTo(new TypingEvent("t", "4711", "Opaque", null, NOW));
	}

	@Test
	void shouldNameTheRuleABrokenEventFails() {
		assertReason("nope", "validation.typing.body.not-json");
		assertReason("{\"from\":{\"id\":\"4711\"}}", "validation.typing.tenantId.blank");
		assertReason("{\"tenantId\":\"t\"}", "validation.typing.from.missing");
		assertReason("{\"tenantId\":\"t\",\"from\":{}}", "validation.typing.from.id.blank");
		assertReason("{\"tenantId\":\"t\",\"from\":{\"id\":\"1\",\"idType\":\"Fax\"}}",
				"validation.typing.from.idType.invalid");
		assertReason("{\"tenantId\":\"t\",\"from\":{\"id\":\"1\"},\"timestamp\":\"soon\"}",
				"validation.typing.timestamp.invalid");
	}

	private void assertReason(String body, String reason) {
		assertThatExceptionOfType(RejectedTypingEventException.class).isThrownBy(() -> parse(body))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private TypingEvent parse(String body) {
		return this.parser.parse(body.getBytes(StandardCharsets.UTF_8));
	}

}
