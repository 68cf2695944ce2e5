package io.genesysbridge.backend.typing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a typing event from raw bytes:
 * {@code {"tenantId","from":{"id","idType"?},"integrationId"?,"timestamp"?}}. A missing
 * {@code idType} takes the inbound default, so the event names the customer exactly as their
 * messages do; a missing timestamp is the time of arrival.
 */
final class TypingEventParser {

	private static final Set<String> ID_TYPES = Set.of("Phone", "Email", "Opaque");

	private final JsonMapper json;

	private final String defaultIdType;

	private final Clock clock;

	TypingEventParser(JsonMapper json, String defaultIdType, Clock clock) {
		this.json = json;
		this.defaultIdType = defaultIdType;
		this.clock = clock;
	}

	TypingEvent parse(byte[] body) {
		JsonNode root = readTree(body);
		if (!root.isObject()) {
			throw rejected("body.not-object", "the body is not a JSON object");
		}
		String tenantId = text(root, "tenantId");
		require(tenantId != null, "tenantId.blank", "tenantId must be a non-blank string");
		JsonNode from = root.get("from");
		require(from != null && from.isObject(), "from.missing", "from must be an object");
		String customerId = text(from, "id");
		require(customerId != null, "from.id.blank", "from.id must be a non-blank string");
		String idType = text(from, "idType");
		require(idType == null || ID_TYPES.contains(idType), "from.idType.invalid",
				"from.idType must be Phone, Email or Opaque");
		return new TypingEvent(tenantId, customerId, (idType != null) ? idType : this.defaultIdType,
				text(root, "integrationId"), time(text(root, "timestamp")));
	}

	private JsonNode readTree(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			require(root != null && !root.isMissingNode(), "body.not-json", "the body is not JSON");
			return root;
		}
		catch (JacksonException ex) {
			throw rejected("body.not-json", "the body is not JSON");
		}
	}

	private Instant time(@Nullable String timestamp) {
		if (timestamp == null) {
			return this.clock.instant();
		}
		try {
			return OffsetDateTime.parse(timestamp).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw rejected("timestamp.invalid", "timestamp must be an ISO-8601 instant");
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString().trim() : null;
	}

	private static void require(boolean condition, String rule, String detail) {
		if (!condition) {
			throw rejected(rule, detail);
		}
	}

	private static RejectedTypingEventException rejected(String rule, String detail) {
		return new RejectedTypingEventException("validation.typing." + rule, detail);
	}

}
