package io.genesysbridge.fake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates inbound Open Messaging bodies the way Genesys's JSON schema does: required
 * fields, types and enums (contract notes §2.1, §2.4, §2.5), and nothing more.
 *
 * <p>
 * Unknown properties are ignored on purpose (legacy {@code type}, {@code direction},
 * {@code channel.to}, {@code contentType}, {@code channel.metadata.customAttributes}),
 * because the real service tolerates them; a bridge that passes here may still be wrong
 * about semantics the schema does not check.
 */
final class InboundValidator {

	static final String ANY_OF_MESSAGE = "should have required property 'content', should have required property '.text', should match some schema in anyOf";

	static final List<String> ID_TYPES = List.of("Email", "Phone", "Opaque");

	static final List<String> MEDIA_TYPES = List.of("Image", "Video", "Audio", "File", "Link");

	static final List<String> RECEIPT_STATUSES = List.of("Delivered", "Failed");

	static final List<String> EVENT_TYPES = List.of("Typing");

	static final List<String> TYPING_TYPES = List.of("On");

	static final List<String> REASON_CODES = List.of("MessageExpired", "RateLimited", "MessageNotAllowed",
			"GeneralError", "UnsupportedMessage", "UnknownMessage", "InvalidMessageStructure", "InvalidDestination",
			"ServerError", "MediaTypeNotAllowed", "InvalidMediaContentLength", "RecipientOptedOut", "DataFiltered");

	private InboundValidator() {
	}

	/** Checks an {@code OpenInboundNormalizedMessage}. */
	static Optional<Violation> message(Map<?, ?> body) {
		return check(() -> {
			Map<?, ?> channel = requireObject(body, "", "channel");
			requireSender(channel);
			optionalType(channel, ".channel", "messageId", String.class, "string");
			optionalType(channel, ".channel", "metadata", Map.class, "object");
			optionalType(body, "", "metadata", Map.class, "object");
			Object text = body.get("text");
			Object content = body.get("content");
			if (text == null && content == null) {
				throw new Rejected(Violation.badRequest(ANY_OF_MESSAGE));
			}
			optionalType(body, "", "text", String.class, "string");
			optionalType(body, "", "content", List.class, "array");
			boolean hasContent = content != null && !((List<?>) content).isEmpty();
			if (!hasContent && (text == null || ((String) text).isEmpty())) {
				throw new Rejected(Violation.badRequest((text == null) ? ".content should NOT have fewer than 1 items"
						: ".text should NOT be shorter than 1 characters"));
			}
			if (content != null) {
				List<?> items = (List<?>) content;
				for (int i = 0; i < items.size(); i++) {
					requireAttachment(items.get(i), ".content[" + i + "]");
				}
			}
		});
	}

	/**
	 * Checks an {@code OpenInboundNormalizedReceipt}; only Delivered and Failed are
	 * accepted.
	 */
	static Optional<Violation> receipt(Map<?, ?> body) {
		return check(() -> {
			requireNonEmptyString(body, "", "id");
			Map<?, ?> channel = requireObject(body, "", "channel");
			Map<?, ?> to = requireObject(channel, ".channel", "to");
			requireNonEmptyString(to, ".channel.to", "id");
			requireTime(channel, ".channel");
			String status = requireEnum(body, "", "status", "ReceiptStatus", RECEIPT_STATUSES);
			optionalType(body, "", "isFinalReceipt", Boolean.class, "boolean");
			optionalType(body, "", "reasons", List.class, "array");
			List<?> reasons = (List<?>) body.get("reasons");
			if (reasons == null || reasons.isEmpty()) {
				return;
			}
			if (!"Failed".equals(status)) {
				throw new Rejected(Violation
					.badRequest("reasons are only allowed on a receipt with status Failed, not " + status));
			}
			for (int i = 0; i < reasons.size(); i++) {
				Map<?, ?> reason = requireItemObject(reasons.get(i), ".reasons[" + i + "]");
				requireEnum(reason, ".reasons[" + i + "]", "code", "ConversationReasonCode", REASON_CODES);
				requireNonEmptyString(reason, ".reasons[" + i + "]", "message");
			}
		});
	}

	/** Checks an {@code OpenInboundNormalizedEvent}; only Typing events exist. */
	static Optional<Violation> event(Map<?, ?> body) {
		return check(() -> {
			Map<?, ?> channel = requireObject(body, "", "channel");
			requireSender(channel);
			if (!body.containsKey("events") || body.get("events") == null) {
				throw new Rejected(Violation.required("", "events"));
			}
			optionalType(body, "", "events", List.class, "array");
			List<?> events = (List<?>) body.get("events");
			if (events.isEmpty()) {
				throw new Rejected(Violation.badRequest(".events should NOT have fewer than 1 items"));
			}
			for (int i = 0; i < events.size(); i++) {
				String path = ".events[" + i + "]";
				Map<?, ?> event = requireItemObject(events.get(i), path);
				requireEnum(event, path, "eventType", "OpenEventType", EVENT_TYPES);
				optionalType(event, path, "typing", Map.class, "object");
				if (event.get("typing") instanceof Map<?, ?> typing) {
					if (typing.get("type") != null) {
						requireEnum(typing, path + ".typing", "type", "OpenTypingType", TYPING_TYPES);
					}
					optionalType(typing, path + ".typing", "duration", Number.class, "integer");
				}
			}
		});
	}

	private static void requireSender(Map<?, ?> channel) {
		Map<?, ?> from = requireObject(channel, ".channel", "from");
		requireNonEmptyString(from, ".channel.from", "id");
		requireEnum(from, ".channel.from", "idType", "OpenMessagingIdType", ID_TYPES);
		requireTime(channel, ".channel");
	}

	private static void requireAttachment(Object item, String path) {
		Map<?, ?> content = requireItemObject(item, path);
		Map<?, ?> attachment = requireObject(content, path, "attachment");
		String attachmentPath = path + ".attachment";
		requireEnum(attachment, attachmentPath, "mediaType", "OpenContentAttachmentMediaType", MEDIA_TYPES);
		requireNonEmptyString(attachment, attachmentPath, "url");
		requireNonEmptyString(attachment, attachmentPath, "mime");
		for (String optional : List.of("id", "text", "sha256", "filename")) {
			optionalType(attachment, attachmentPath, optional, String.class, "string");
		}
	}

	private static void requireTime(Map<?, ?> channel, String path) {
		String time = requireNonEmptyString(channel, path, "time");
		try {
			OffsetDateTime.parse(time);
		}
		catch (DateTimeParseException ex) {
			throw new Rejected(new Violation("invalid.date",
					"Invalid date [" + time + "] for field [" + path.substring(1) + ".time]. Expected ISO-8601."));
		}
	}

	private static Map<?, ?> requireObject(Map<?, ?> parent, String path, String name) {
		Object value = parent.get(name);
		if (value == null) {
			throw new Rejected(Violation.required(path, name));
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new Rejected(Violation.type(path + "." + name, "object"));
		}
		return map;
	}

	private static Map<?, ?> requireItemObject(Object item, String path) {
		if (!(item instanceof Map<?, ?> map)) {
			throw new Rejected(Violation.type(path, "object"));
		}
		return map;
	}

	private static String requireNonEmptyString(Map<?, ?> parent, String path, String name) {
		Object value = parent.get(name);
		if (value == null) {
			throw new Rejected(Violation.required(path, name));
		}
		if (!(value instanceof String text)) {
			throw new Rejected(Violation.type(path + "." + name, "string"));
		}
		if (text.isBlank()) {
			throw new Rejected(Violation.badRequest(path + "." + name + " should NOT be shorter than 1 characters"));
		}
		return text;
	}

	private static String requireEnum(Map<?, ?> parent, String path, String name, String fieldType,
			List<String> allowed) {
		Object value = parent.get(name);
		if (value == null) {
			throw new Rejected(Violation.required(path, name));
		}
		if (!(value instanceof String text) || !allowed.contains(text)) {
			throw new Rejected(Violation.enumValue(value, fieldType, String.join(", ", allowed)));
		}
		return text;
	}

	private static void optionalType(Map<?, ?> parent, String path, String name, Class<?> type, String typeName) {
		Object value = parent.get(name);
		if (value != null && !type.isInstance(value)) {
			throw new Rejected(Violation.type(path + "." + name, typeName));
		}
	}

	private static Optional<Violation> check(Runnable checks) {
		try {
			checks.run();
			return Optional.empty();
		}
		catch (Rejected rejected) {
			return Optional.of(rejected.violation);
		}
	}

	/**
	 * Unwinds the nested checks at the first violation, like a schema validator stopping
	 * early.
	 */
	private static final class Rejected extends RuntimeException {

		private final transient Violation violation;

		Rejected(Violation violation) {
			super(violation.message(), null, false, false);
			this.violation = violation;
		}

	}

}
