package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterParserTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private final DeadLetterParser parser = new DeadLetterParser(JsonMapper.builder().build(), properties(),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void shouldReadTheProcessorsFailureHeadersAndTheEnvelopesIds() {
		Intake intake = this.parser.parse(deadLetter("t1", "wamid.1", 3, "2026-11-21T11:00:00Z"));

		assertThat(intake.tenant()).isEqualTo("t1");
		assertThat(intake.messageId()).isEqualTo("wamid.1");
		assertThat(intake.correlationId()).isEqualTo("corr-1");
		assertThat(intake.reason()).isEqualTo("genesys.inbound-message.400");
		assertThat(intake.failureClass()).isEqualTo("PERMANENT");
		assertThat(intake.exception()).isEqualTo("io.genesysbridge.backend.genesys.GenesysClientException");
		assertThat(intake.attempts()).isEqualTo(3);
		assertThat(intake.firstFailure()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
		assertThat(intake.lastFailure()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
		assertThat(intake.kind()).isEqualTo("inbound");
		assertThat(intake.refs()).containsExactly("wamid.1", "corr-1");
	}

	@Test
	void shouldMapTheSameMessageToTheSameRecordAndARedeliveryToTheSameMarker() {
		Intake first = this.parser.parse(deadLetter("t1", "wamid.1", 1, "2026-11-21T11:00:00Z"));
		Intake redelivered = this.parser.parse(deadLetter("t1", "wamid.1", 1, "2026-11-21T11:00:00Z"));
		Intake failedAgain = this.parser.parse(deadLetter("t1", "wamid.1", 1, "2026-11-21T11:30:00Z"));
		Intake otherTenant = this.parser.parse(deadLetter("t2", "wamid.1", 1, "2026-11-21T11:00:00Z"));

		assertThat(redelivered.id()).isEqualTo(first.id());
		assertThat(redelivered.marker()).isEqualTo(first.marker());
		assertThat(failedAgain.id()).isEqualTo(first.id());
		assertThat(failedAgain.marker()).isNotEqualTo(first.marker());
		assertThat(otherTenant.id()).isNotEqualTo(first.id());
		assertThat(first.fingerprint()).isEqualTo(otherTenant.fingerprint());
	}

	@Test
	void shouldKeepABodyThatIsNotJsonAndFallBackToTheBinderHeaders() {
		MessageProperties properties = new MessageProperties();
		properties.setHeader("x-exception-message", "Failed to convert message");
		properties.setHeader("x-exception-stacktrace",
				"org.springframework.messaging.MessagingException: boom\n\tat x");
		properties.setHeader("x-original-routingKey", "genesys-status-processed");

		Intake intake = this.parser.parse(new Message("not json".getBytes(StandardCharsets.UTF_8), properties));

		assertThat(intake.tenant()).isEmpty();
		assertThat(intake.reason()).isEqualTo("binder.exception");
		assertThat(intake.exception()).isEqualTo("org.springframework.messaging.MessagingException");
		assertThat(intake.kind()).isEqualTo("genesys-status-processed");
		assertThat(intake.lastFailure()).isEqualTo(NOW);
		assertThat(new String(intake.payload(), StandardCharsets.UTF_8)).isEqualTo("not json");
	}

	@Test
	void shouldFindItsRecordAgainThroughTheReplayHeader() {
		Message replayed = deadLetter("t1", "wamid.other", 1, "2026-11-21T11:00:00Z");
		replayed.getMessageProperties().setHeader("x-bridge-dead-letter-id", "0123456789abcdef0123");
		Message forged = deadLetter("t1", "wamid.1", 1, "2026-11-21T11:00:00Z");
		forged.getMessageProperties().setHeader("x-bridge-dead-letter-id", "../../other");

		assertThat(this.parser.parse(replayed).id()).isEqualTo("0123456789abcdef0123");
		assertThat(this.parser.parse(forged).id())
			.isEqualTo(this.parser.parse(deadLetter("t1", "wamid.1", 1, "2026-11-21T11:00:00Z")).id());
	}

	private static Message deadLetter(String tenant, String messageId, int attempts, String lastFailure) {
		String body = """
				{"metadata":{"tenantId":"%s","whatsapp_message_id":"%s","correlationId":"corr-1"},
				 "genesysPayload":{"id":"corr-1","text":"hi"}}""".formatted(tenant, messageId);
		MessageProperties properties = new MessageProperties();
		properties.setHeader("x-bridge-failure-reason", "genesys.inbound-message.400");
		properties.setHeader("x-bridge-failure-class", "PERMANENT");
		properties.setHeader("x-bridge-exception", "io.genesysbridge.backend.genesys.GenesysClientException");
		properties.setHeader("x-bridge-attempts", attempts);
		properties.setHeader("x-bridge-first-failure-at", "2026-11-21T10:00:00Z");
		properties.setHeader("x-bridge-last-failure-at", lastFailure);
		properties.setHeader("x-original-routingKey", "genesys-bridge.inbound.work");
		return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
	}

	static DeadLetterProperties properties() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("console.dead-letters",
				DeadLetterProperties.class);
	}

}
