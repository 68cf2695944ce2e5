package io.genesysbridge.backend.inbound;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks raw bytes from the queue against contract §2 and builds an {@link InboundMessage}.
 * Parses JSON itself (rather than through a message converter) so that a body that is not JSON,
 * or arrives without a content type, still gets a named rule instead of a converter stack trace.
 * Tenant rules need Redis and are checked by the processor.
 */
final class InboundValidator {

	private static final Set<String> ID_TYPES = Set.of("Phone", "Email", "Opaque");

	private static final Set<String> MEDIA_TYPES = Set.of("Image", "Video", "Audio", "File", "Link");

	private final JsonMapper json;

	private final String defaultIdType;

	InboundValidator(JsonMapper json, String defaultIdType) {
		this.json = json;
		this.defaultIdType = defaultIdType;
	}

	/**
	 * @param body raw message body
	 * @return the validated message
	 * @throws InvalidMessageException naming the first rule that failed
	 */
	InboundMessage validate(byte[] body) {
		JsonNode root = parse(body);
		require(root.isObject(), ValidationRule.NOT_OBJECT);
		JsonNode metadata = root.get("metadata");
		require(metadata != null && metadata.isObject(), ValidationRule.METADATA_MISSING);
		JsonNode payload = root.get("genesysPayload");
		require(payload != null && payload.isObject(), ValidationRule.PAYLOAD_MISSING);
		InboundMessage.Metadata meta = metadata(metadata);
		return new InboundMessage(meta, payload(payload, meta.whatsappMessageId()));
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			require(root != null && !root.isMissingNode(), ValidationRule.NOT_JSON);
			return root;
		}
		catch (JacksonException ex) {
			throw new InvalidMessageException(ValidationRule.NOT_JSON);
		}
	}

	private static InboundMessage.Metadata metadata(JsonNode metadata) {
		String tenantId = requiredText(metadata, "tenantId", ValidationRule.TENANT_ID_BLANK);
		String whatsappId = requiredText(metadata, "whatsapp_message_id", ValidationRule.WHATSAPP_ID_BLANK);
		String correlationId = requiredText(metadata, "correlationId", ValidationRule.CORRELATION_ID_BLANK);
		JsonNode retry = metadata.get("retryCount");
		int retryCount = (retry != null && retry.canConvertToInt()) ? retry.asInt() : 0;
		return new InboundMessage.Metadata(tenantId, whatsappId, correlationId, retryCount);
	}

	private InboundMessage.GenesysPayload payload(JsonNode payload, String whatsappId) {
		String id = requiredText(payload, "id", ValidationRule.PAYLOAD_ID_BLANK);
		require("Inbound".equals(text(payload, "direction")), ValidationRule.DIRECTION_INVALID);
		String type = text(payload, "type");
		require(type == null || "Text".equals(type), ValidationRule.TYPE_UNSUPPORTED);
		JsonNode channel = payload.get("channel");
		require(channel != null && channel.isObject(), ValidationRule.CHANNEL_MISSING);
		InboundMessage.From from = from(channel.get("from"));
		String time = requiredText(channel, "time", ValidationRule.TIME_BLANK);
		require(isInstant(time), ValidationRule.TIME_INVALID);
		List<InboundMessage.Attachment> attachments = attachments(payload.get("content"));
		String text = text(payload, "text");
		require((text != null && !text.isBlank()) || !attachments.isEmpty(), ValidationRule.TEXT_EMPTY);
		String messageId = text(channel, "messageId");
		JsonNode to = channel.get("to");
		String toId = (to != null && to.isObject()) ? text(to, "id") : null;
		return new InboundMessage.GenesysPayload(id, (messageId != null && !messageId.isBlank()) ? messageId : whatsappId,
				(toId != null && !toId.isBlank()) ? toId : null, from, time, text, attachments);
	}

	private InboundMessage.From from(@Nullable JsonNode from) {
		require(from != null && from.isObject(), ValidationRule.FROM_ID_BLANK);
		String id = requiredText(from, "id", ValidationRule.FROM_ID_BLANK);
		String idType = text(from, "idType");
		require(idType == null || ID_TYPES.contains(idType), ValidationRule.FROM_ID_TYPE_INVALID);
		return new InboundMessage.From(id, (idType != null) ? idType : this.defaultIdType, text(from, "nickname"),
				text(from, "firstName"), text(from, "lastName"));
	}

	private static List<InboundMessage.Attachment> attachments(@Nullable JsonNode content) {
		if (content == null || content.isNull()) {
			return List.of();
		}
		require(content.isArray(), ValidationRule.CONTENT_INVALID);
		List<InboundMessage.Attachment> attachments = new ArrayList<>();
		for (JsonNode item : content) {
			require(item.isObject(), ValidationRule.CONTENT_INVALID);
			String contentType = text(item, "contentType");
			require(contentType == null || "Attachment".equals(contentType), ValidationRule.CONTENT_INVALID);
			JsonNode attachment = item.get("attachment");
			require(attachment != null && attachment.isObject(), ValidationRule.ATTACHMENT_INCOMPLETE);
			attachments.add(attachment(attachment));
		}
		return attachments;
	}

	private static InboundMessage.Attachment attachment(JsonNode attachment) {
		String mediaType = requiredText(attachment, "mediaType", ValidationRule.ATTACHMENT_INCOMPLETE);
		String url = requiredText(attachment, "url", ValidationRule.ATTACHMENT_INCOMPLETE);
		String mime = requiredText(attachment, "mime", ValidationRule.ATTACHMENT_INCOMPLETE);
		require(MEDIA_TYPES.contains(mediaType), ValidationRule.ATTACHMENT_MEDIA_TYPE_INVALID);
		return new InboundMessage.Attachment(mediaType, url, mime, text(attachment, "filename"));
	}

	private static boolean isInstant(String time) {
		try {
			OffsetDateTime.parse(time);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static String requiredText(JsonNode node, String field, ValidationRule rule) {
		String value = text(node, field);
		require(value != null && !value.isBlank(), rule);
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static void require(boolean condition, ValidationRule rule) {
		if (!condition) {
			throw new InvalidMessageException(rule);
		}
	}

}
