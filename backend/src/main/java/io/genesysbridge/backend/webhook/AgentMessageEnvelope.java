package io.genesysbridge.backend.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Published to {@code outbound-genesys-messages} for each agent message (contract §5), for the
 * outbound transformer to send to WhatsApp. The AMQP {@code message_id} is the Genesys id.
 *
 * @param tenantId the tenant that owns the integration
 * @param genesysId the webhook payload id (the Genesys message id receipts refer to)
 * @param conversationId the Genesys conversation
 * @param type always {@code message}
 * @param timestamp {@code channel.time} of the notification
 * @param payload what to send and to whom
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AgentMessageEnvelope(String tenantId, String genesysId, @Nullable String conversationId, String type,
		String timestamp, Payload payload) {

	/**
	 * @param text the agent's text, if any
	 * @param toId the customer ({@code channel.to.id})
	 * @param toIdType {@code channel.to.idType}, if sent
	 * @param media the attachment, if any (Genesys allows one per message)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Payload(@Nullable String text, @JsonProperty("to_id") String toId,
			@JsonProperty("to_id_type") @Nullable String toIdType, @Nullable Media media) {
	}

	/**
	 * @param url where the outbound transformer downloads the media
	 * @param contentType the attachment's MIME type
	 * @param filename the file name, if any
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Media(String url, @Nullable String contentType, @Nullable String filename) {
	}

}
