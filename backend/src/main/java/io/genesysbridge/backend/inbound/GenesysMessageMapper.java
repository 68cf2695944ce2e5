package io.genesysbridge.backend.inbound;

import java.util.List;

import io.genesysbridge.backend.genesys.OpenInboundMessage;

/**
 * Maps a validated envelope to the current Open Messaging schema
 * ({@code OpenInboundNormalizedMessage}): the WhatsApp id becomes {@code channel.messageId},
 * attachments become {@code content[]} items with {@code contentType: Attachment}.
 */
final class GenesysMessageMapper {

	private GenesysMessageMapper() {
	}

	static OpenInboundMessage toGenesys(InboundMessage message) {
		InboundMessage.GenesysPayload payload = message.genesysPayload();
		InboundMessage.From from = payload.from();
		OpenInboundMessage.Channel channel = new OpenInboundMessage.Channel(payload.messageId(),
				new OpenInboundMessage.From(from.id(), from.idType(), from.nickname(), from.firstName(),
						from.lastName()),
				payload.time());
		List<OpenInboundMessage.Content> content = payload.attachments()
			.stream()
			.map((a) -> OpenInboundMessage.Content
				.attachment(new OpenInboundMessage.Attachment(a.mediaType(), a.url(), a.mime(), a.filename())))
			.toList();
		String text = (payload.text() != null && !payload.text().isBlank()) ? payload.text() : null;
		return new OpenInboundMessage(channel, text, content);
	}

}
