package io.genesysbridge.backend.inbound;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A validated inbound envelope from {@code genesys.outbound.ready} (contract §2). Instances exist
 * only after {@link InboundValidator} accepted the message, so required fields are present.
 *
 * @param metadata platform metadata
 * @param genesysPayload the message in the platform's Genesys-shaped form
 */
public record InboundMessage(Metadata metadata, GenesysPayload genesysPayload) {

	/**
	 * @param tenantId tenant id
	 * @param whatsappMessageId WhatsApp message id (wamid), the idempotency key
	 * @param correlationId correlation id echoed in the correlation event
	 * @param retryCount the platform's own retry counter
	 */
	public record Metadata(String tenantId, String whatsappMessageId, String correlationId, int retryCount) {
	}

	/**
	 * @param id payload id
	 * @param messageId {@code channel.messageId}, defaulting to the WhatsApp id
	 * @param toId {@code channel.to.id}: an integration id, if the sender named one
	 * @param from the customer
	 * @param time when the customer sent it, ISO-8601
	 * @param text text, if any
	 * @param attachments attachments, possibly none
	 */
	public record GenesysPayload(String id, String messageId, @Nullable String toId, From from, String time,
			@Nullable String text, List<Attachment> attachments) {

		public GenesysPayload {
			attachments = List.copyOf(attachments);
		}

	}

	/**
	 * @param id customer id (a phone number for WhatsApp)
	 * @param idType {@code Phone}, {@code Email} or {@code Opaque}
	 * @param nickname display name
	 * @param firstName first name
	 * @param lastName last name
	 */
	public record From(String id, String idType, @Nullable String nickname, @Nullable String firstName,
			@Nullable String lastName) {
	}

	/**
	 * @param mediaType Image, Video, Audio, File or Link
	 * @param url media URL
	 * @param mime MIME type
	 * @param filename file name
	 */
	public record Attachment(String mediaType, String url, String mime, @Nullable String filename) {
	}

}
