package io.genesysbridge.backend.inbound;

/**
 * The rules of contract §2 an inbound envelope must pass. The code is what operators see in the
 * {@code x-bridge-failure-reason} header ({@code validation.<code>}) and in metrics.
 */
enum ValidationRule {

	NOT_JSON("body.not-json", "the body is not JSON"),
	NOT_OBJECT("body.not-object", "the body is not a JSON object"),
	METADATA_MISSING("metadata.missing", "metadata must be an object"),
	PAYLOAD_MISSING("genesysPayload.missing", "genesysPayload must be an object"),
	TENANT_ID_BLANK("metadata.tenantId.blank", "metadata.tenantId must be a non-blank string"),
	WHATSAPP_ID_BLANK("metadata.whatsapp_message_id.blank",
			"metadata.whatsapp_message_id must be a non-blank string"),
	CORRELATION_ID_BLANK("metadata.correlationId.blank", "metadata.correlationId must be a non-blank string"),
	PAYLOAD_ID_BLANK("genesysPayload.id.blank", "genesysPayload.id must be a non-blank string"),
	DIRECTION_INVALID("genesysPayload.direction.invalid", "genesysPayload.direction must be exactly Inbound"),
	TYPE_UNSUPPORTED("genesysPayload.type.unsupported", "genesysPayload.type must be Text"),
	CHANNEL_MISSING("channel.missing", "genesysPayload.channel must be an object"),
	FROM_ID_BLANK("channel.from.id.blank", "channel.from.id must be a non-blank string"),
	FROM_ID_TYPE_INVALID("channel.from.idType.invalid", "channel.from.idType must be Phone, Email or Opaque"),
	TIME_BLANK("channel.time.blank", "channel.time must be a non-blank string"),
	TIME_INVALID("channel.time.invalid", "channel.time must be an ISO-8601 instant"),
	CONTENT_INVALID("content.invalid", "content must be an array of attachment items"),
	TEXT_EMPTY("text.empty", "a Text message needs text or at least one attachment"),
	ATTACHMENT_INCOMPLETE("attachment.incomplete", "an attachment needs mediaType, url and mime"),
	ATTACHMENT_MEDIA_TYPE_INVALID("attachment.mediaType.invalid",
			"attachment.mediaType must be Image, Video, Audio, File or Link"),
	TENANT_UNKNOWN("tenant.unknown", "the tenant is not known"),
	TENANT_DISABLED("tenant.disabled", "the tenant is disabled"),
	TENANT_NO_INTEGRATION("tenant.no-integration", "the tenant has no Open Messaging integration"),
	INTEGRATION_UNKNOWN("channel.to.id.unknown-integration",
			"channel.to.id names an integration that is not the tenant's");

	private final String code;

	private final String description;

	ValidationRule(String code, String description) {
		this.code = code;
		this.description = description;
	}

	String code() {
		return this.code;
	}

	String description() {
		return this.description;
	}

}
