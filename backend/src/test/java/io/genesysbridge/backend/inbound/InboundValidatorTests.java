package io.genesysbridge.backend.inbound;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InboundValidatorTests {

	private final InboundValidator validator = new InboundValidator(InboundFixtures.JSON, "Opaque");

	@Test
	void shouldAcceptTheContractExample() {
		InboundMessage message = this.validator
			.validate(InboundFixtures.bytes(InboundFixtures.withAttachment(InboundFixtures.valid("t1", "wamid.1"))));

		assertThat(message.metadata().tenantId()).isEqualTo("t1");
		assertThat(message.metadata().whatsappMessageId()).isEqualTo("wamid.1");
		assertThat(message.metadata().correlationId()).isEqualTo("corr-wamid.1");
		assertThat(message.genesysPayload().from().idType()).isEqualTo("Phone");
		assertThat(message.genesysPayload().text()).isEqualTo("Hello World");
		assertThat(message.genesysPayload().attachments()).singleElement()
			.satisfies((a) -> assertThat(a.mime()).isEqualTo("image/jpeg"));
	}

	@Test
	void shouldAcceptAnAttachmentWithoutText() {
		ObjectNode root = InboundFixtures.withAttachment(InboundFixtures.valid("t1", "wamid.2"));
		root.withObjectProperty("genesysPayload").remove("text");

		InboundMessage message = this.validator.validate(InboundFixtures.bytes(root));

		assertThat(message.genesysPayload().text()).isNull();
		assertThat(message.genesysPayload().attachments()).hasSize(1);
	}

	@Test
	void shouldDefaultIdTypeAndMessageIdWhenAbsent() {
		ObjectNode root = InboundFixtures.valid("t1", "wamid.3");
		ObjectNode channel = root.withObjectProperty("genesysPayload").withObjectProperty("channel");
		channel.remove("messageId");
		channel.withObjectProperty("from").remove("idType");

		InboundMessage message = this.validator.validate(InboundFixtures.bytes(root));

		assertThat(message.genesysPayload().from().idType()).isEqualTo("Opaque");
		assertThat(message.genesysPayload().messageId()).isEqualTo("wamid.3");
	}

	@Test
	void shouldRejectBytesThatAreNotJson() {
		assertRule("this is not json".getBytes(StandardCharsets.UTF_8), ValidationRule.NOT_JSON);
		assertRule(new byte[] { 49, 44, 50, 44, 51 }, ValidationRule.NOT_JSON);
		assertRule(new byte[0], ValidationRule.NOT_JSON);
	}

	@Test
	void shouldRejectJsonThatIsNotAnObject() {
		assertRule("[1,2]".getBytes(StandardCharsets.UTF_8), ValidationRule.NOT_OBJECT);
		assertRule("\"text\"".getBytes(StandardCharsets.UTF_8), ValidationRule.NOT_OBJECT);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenEnvelopes")
	void shouldNameTheRuleThatFailed(ValidationRule expected, Consumer<ObjectNode> breakIt) {
		ObjectNode root = InboundFixtures.valid("t1", "wamid.x");
		breakIt.accept(root);

		assertRule(InboundFixtures.bytes(root), expected);
	}

	static Stream<Arguments> brokenEnvelopes() {
		return Stream.of(rule(ValidationRule.METADATA_MISSING, (r) -> r.remove("metadata")),
				rule(ValidationRule.METADATA_MISSING, (r) -> r.put("metadata", "x")),
				rule(ValidationRule.PAYLOAD_MISSING, (r) -> r.remove("genesysPayload")),
				rule(ValidationRule.TENANT_ID_BLANK, (r) -> meta(r).put("tenantId", " ")),
				rule(ValidationRule.TENANT_ID_BLANK, (r) -> meta(r).put("tenantId", 42)),
				rule(ValidationRule.WHATSAPP_ID_BLANK, (r) -> meta(r).remove("whatsapp_message_id")),
				rule(ValidationRule.CORRELATION_ID_BLANK, (r) -> meta(r).put("correlationId", "")),
				rule(ValidationRule.PAYLOAD_ID_BLANK, (r) -> payload(r).putNull("id")),
				rule(ValidationRule.DIRECTION_INVALID, (r) -> payload(r).put("direction", "Outbound")),
				rule(ValidationRule.DIRECTION_INVALID, (r) -> payload(r).put("direction", "inbound")),
				rule(ValidationRule.TYPE_UNSUPPORTED, (r) -> payload(r).put("type", "Structured")),
				rule(ValidationRule.CHANNEL_MISSING, (r) -> payload(r).remove("channel")),
				rule(ValidationRule.FROM_ID_BLANK, (r) -> channel(r).remove("from")),
				rule(ValidationRule.FROM_ID_BLANK, (r) -> channel(r).withObjectProperty("from").put("id", "")),
				rule(ValidationRule.FROM_ID_TYPE_INVALID,
						(r) -> channel(r).withObjectProperty("from").put("idType", "WhatsApp")),
				rule(ValidationRule.TIME_BLANK, (r) -> channel(r).remove("time")),
				rule(ValidationRule.TIME_INVALID, (r) -> channel(r).put("time", "yesterday")),
				rule(ValidationRule.TEXT_EMPTY, (r) -> payload(r).remove("text")),
				rule(ValidationRule.TEXT_EMPTY, (r) -> payload(r).put("text", "   ")),
				rule(ValidationRule.CONTENT_INVALID, (r) -> payload(r).put("content", "a.jpg")),
				rule(ValidationRule.CONTENT_INVALID,
						(r) -> payload(r).putArray("content").addObject().put("contentType", "QuickReply")),
				rule(ValidationRule.ATTACHMENT_INCOMPLETE,
						(r) -> payload(r).putArray("content").addObject().putObject("attachment").put("url", "u")),
				rule(ValidationRule.ATTACHMENT_MEDIA_TYPE_INVALID, (r) -> payload(r).putArray("content")
					.addObject()
					.putObject("attachment")
					.put("mediaType", "Sticker")
					.put("url", "https://x/y")
					.put("mime", "image/webp")));
	}

	private void assertRule(byte[] body, ValidationRule expected) {
		assertThatExceptionOfType(InvalidMessageException.class).isThrownBy(() -> this.validator.validate(body))
			.satisfies((ex) -> {
				assertThat(ex.rule()).isEqualTo(expected);
				assertThat(ex.reason()).isEqualTo("validation." + expected.code());
			});
	}

	private static Arguments rule(ValidationRule rule, Consumer<ObjectNode> breakIt) {
		return Arguments.of(rule, breakIt);
	}

	private static ObjectNode meta(ObjectNode root) {
		return root.withObjectProperty("metadata");
	}

	private static ObjectNode payload(ObjectNode root) {
		return root.withObjectProperty("genesysPayload");
	}

	private static ObjectNode channel(ObjectNode root) {
		return payload(root).withObjectProperty("channel");
	}

}
