package io.genesysbridge.backend.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a contract §4 status event from raw bytes. Parses the JSON itself, so a body without a
 * content type or that is not JSON still gets a named reason
 * ({@code validation.status.<rule>}). The timestamp may be ISO-8601 or epoch seconds or
 * milliseconds (WhatsApp's own form); when it is missing or unreadable the time of arrival is
 * used, since Genesys requires one.
 */
final class StatusEventParser {

	private static final long MILLIS_THRESHOLD = 100_000_000_000L;

	private final JsonMapper json;

	private final Clock clock;

	StatusEventParser(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	StatusEvent parse(byte[] body) {
		JsonNode root = readTree(body);
		if (!root.isObject()) {
			throw rejected("body.not-object", "the body is not a JSON object");
		}
		String tenantId = required(root, "tenantId");
		String genesysId = required(root, "genesysId");
		String status = required(root, "status");
		return new StatusEvent(tenantId, genesysId, text(root, "originalMessageId"), status, time(root.get("timestamp")),
				text(root, "to_id"), text(root, "integrationId"), text(root, "reason"));
	}

	private JsonNode readTree(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			if (root == null || root.isMissingNode()) {
				throw rejected("body.not-json", "the body is not JSON");
			}
			return root;
		}
		catch (JacksonException ex) {
			throw rejected("body.not-json", "the body is not JSON");
		}
	}

	private Instant time(@Nullable JsonNode value) {
		if (value != null && value.isNumber()) {
			return epoch(value.asLong());
		}
		if (value != null && value.isString()) {
			String text = value.asString().trim();
			if (text.matches("\\d{1,15}")) {
				return epoch(Long.parseLong(text));
			}
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex) {
				// fall through: Genesys needs a time, the arrival time is the best we have
			}
		}
		return this.clock.instant();
	}

	private static Instant epoch(long value) {
		return (value >= MILLIS_THRESHOLD) ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			throw rejected(field + ".blank", field + " must be a non-blank string");
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString().trim() : null;
	}

	private static RejectedStatusException rejected(String rule, String detail) {
		return new RejectedStatusException("validation.status." + rule, detail);
	}

}
