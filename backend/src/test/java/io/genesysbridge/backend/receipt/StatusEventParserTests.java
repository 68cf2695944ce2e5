package io.genesysbridge.backend.receipt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatusEventParserTests {

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	private final StatusEventParser parser = new StatusEventParser(JsonMapper.builder().build(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldReadTheContractFields() {
		StatusEvent event = parse("""
				{"tenantId":"t","genesysId":"g","originalMessageId":"wamid.1","status":"failed",
				"timestamp":"2026-11-20T09:00:00.000Z","conversation_id":"c","to_id":"4711","reason":"boom",
				"integrationId":"i"}""");

		assertThat(event).isEqualTo(new StatusEvent("t", "g", "wamid.1", "failed", Instant.parse("2026-11-20T09:00:00Z"),
				"4711", "i", "boom"));
	}

	@Test
	void shouldReadWhatsAppEpochSecondsAndMillis() {
		assertThat(parse("{\"tenantId\":\"t\",\"genesysId\":\"g\",\"status\":\"read\",\"timestamp\":\"1763632800\"}").time())
			.isEqualTo(Instant.ofEpochSecond(1763632800));
		assertThat(parse("{\"tenantId\":\"t\",\"genesysId\":\"g\",\"status\":\"read\",\"timestamp\":1763632800123}").time())
			.isEqualTo(Instant.ofEpochMilli(1763632800123L));
	}

	@Test
	void shouldUseTheArrivalTimeWhenTheTimestampIsMissingOrUnreadable() {
		assertThat(parse("{\"tenantId\":\"t\",\"genesysId\":\"g\",\"status\":\"read\"}").time()).isEqualTo(NOW);
		assertThat(parse("{\"tenantId\":\"t\",\"genesysId\":\"g\",\"status\":\"read\",\"timestamp\":\"yesterday\"}").time())
			.isEqualTo(NOW);
	}

	@Test
	void shouldNameTheRuleABrokenEventFails() {
		assertReason("not json", "validation.status.body.not-json");
		assertReason("[]", "validation.status.body.not-object");
		assertReason("{\"genesysId\":\"g\",\"status\":\"read\"}", "validation.status.tenantId.blank");
		assertReason("{\"tenantId\":\"t\",\"status\":\"read\"}", "validation.status.genesysId.blank");
		assertReason("{\"tenantId\":\"t\",\"genesysId\":\"g\",\"status\":\" \"}", "validation.status.status.blank");
	}

	private void assertReason(String body, String reason) {
		assertThatExceptionOfType(RejectedStatusException.class).isThrownBy(() -> parse(body))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	private StatusEvent parse(String body) {
		return this.parser.parse(body.getBytes(StandardCharsets.UTF_8));
	}

}
