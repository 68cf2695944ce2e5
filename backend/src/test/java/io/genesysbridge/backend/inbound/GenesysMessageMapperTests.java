package io.genesysbridge.backend.inbound;

import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.genesys.OpenInboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

class GenesysMessageMapperTests {

	private final InboundValidator validator = new InboundValidator(InboundFixtures.JSON, "Opaque");

	@Test
	void shouldMapToTheCurrentOpenMessagingSchema() {
		InboundMessage inbound = this.validator
			.validate(InboundFixtures.bytes(InboundFixtures.withAttachment(InboundFixtures.valid("t1", "wamid.9"))));

		OpenInboundMessage mapped = GenesysMessageMapper.toGenesys(inbound);
		String json = InboundFixtures.JSON.writeValueAsString(mapped);

		assertThat(mapped.channel().messageId()).isEqualTo("wamid.9");
		assertThat(mapped.channel().from().id()).isEqualTo("919876543210");
		assertThat(mapped.channel().from().idType()).isEqualTo("Phone");
		assertThat(mapped.channel().time()).isEqualTo("2026-11-15T03:33:20.000Z");
		assertThat(mapped.text()).isEqualTo("Hello World");
		assertThat(json).contains("\"contentType\":\"Attachment\"")
			.contains("\"mediaType\":\"Image\"")
			.contains("\"mime\":\"image/jpeg\"")
			.doesNotContain("direction")
			.doesNotContain("\"to\"")
			.doesNotContain("null");
	}

	@Test
	void shouldOmitContentWhenThereAreNoAttachments() {
		InboundMessage inbound = this.validator.validate(InboundFixtures.bytes(InboundFixtures.valid("t1", "w")));

		String json = InboundFixtures.JSON.writeValueAsString(GenesysMessageMapper.toGenesys(inbound));

		assertThat(json).doesNotContain("content").contains("\"text\":\"Hello World\"");
	}

}
