package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.LongString;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.ATTEMPTS;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.DEAD_LETTER_ID;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.DETAIL;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.EXCEPTION;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.EXCEPTION_MESSAGE;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.EXCEPTION_STACKTRACE;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.FAILURE_CLASS;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.FIRST_FAILURE;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.LAST_FAILURE;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.ORIGINAL_ROUTING_KEY;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.REASON;
import static io.genesysbridge.console.deadletter.DeadLetterHeaderNames.REPLAYS;

/**
 * Reads a dead letter from the DLQ into an {@link Intake}. Never fails: a body that is
 * not JSON or headers the processor did not write still give a record, keyed by the
 * body's hash.
 */
final class DeadLetterParser {

	static final String INBOUND = "inbound";

	private static final int MAX_STACKTRACE = 16_000;

	private static final int MAX_DETAIL = 1_000;

	private static final java.util.regex.Pattern RECORD_ID = java.util.regex.Pattern.compile("[0-9a-f]{20}");

	private final JsonMapper json;

	private final DeadLetterProperties properties;

	private final Clock clock;

	DeadLetterParser(JsonMapper json, DeadLetterProperties properties, Clock clock) {
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	Intake parse(Message message) {
		MessageProperties props = message.getMessageProperties();
		Map<String, Object> headers = jsonHeaders(props.getHeaders());
		byte[] body = message.getBody();
		JsonNode root = readJson(body);
		String origin = text(headers.get(ORIGINAL_ROUTING_KEY));
		String kind = this.properties.otherInputs().contains(origin) ? origin : INBOUND;
		String tenant = first(root, "/metadata/tenantId", "/tenantId");
		String messageId = first(root, "/metadata/whatsapp_message_id", "/genesysId", "/originalMessageId");
		String correlationId = first(root, "/metadata/correlationId", "/correlationId");
		if (correlationId.isEmpty() && props.getCorrelationId() != null) {
			correlationId = props.getCorrelationId();
		}
		String exceptionMessage = truncate(text(headers.get(EXCEPTION_MESSAGE)), MAX_DETAIL);
		String stacktrace = truncate(text(headers.get(EXCEPTION_STACKTRACE)), MAX_STACKTRACE);
		String exception = firstNonEmpty(text(headers.get(EXCEPTION)), exceptionType(stacktrace));
		String reason = firstNonEmpty(text(headers.get(REASON)),
				exceptionMessage.isEmpty() ? "unknown" : "binder.exception");
		Instant now = this.clock.instant();
		Instant last = instant(headers.get(LAST_FAILURE), now);
		int size = body.length;
		boolean truncated = size > this.properties.maxPayload().toBytes();
		byte[] payload = truncated ? Arrays.copyOf(body, (int) this.properties.maxPayload().toBytes()) : body;
		String carried = text(headers.get(DEAD_LETTER_ID));
		String id = RECORD_ID.matcher(carried).matches() ? carried : recordId(kind, tenant, messageId, body);
		List<String> refs = new ArrayList<>();
		addRef(refs, messageId);
		addRef(refs, correlationId);
		return new Intake(id, kind, tenant, messageId, correlationId, reason, text(headers.get(FAILURE_CLASS)),
				truncate(firstNonEmpty(text(headers.get(DETAIL)), exceptionMessage), MAX_DETAIL), exception,
				exceptionMessage, stacktrace, Hashes.of(12, exception, reason), integer(headers.get(ATTEMPTS), 1),
				instant(headers.get(FIRST_FAILURE), last), last, origin,
				Hashes.of(24, Hashes.of(24, body), text(headers.get(LAST_FAILURE)), text(headers.get(ATTEMPTS)),
						text(headers.get(REPLAYS)), exceptionMessage),
				payload, size, truncated, headers, properties(props), integer(headers.get(REPLAYS), 0), refs);
	}

	/**
	 * The same message always maps to the same record: by tenant and message id when the
	 * body names them, else by the body's hash.
	 */
	static String recordId(String kind, String tenant, String messageId, byte[] body) {
		if (!tenant.isEmpty() && !messageId.isEmpty()) {
			return Hashes.of(20, kind, tenant, messageId);
		}
		return Hashes.of(20, kind, Hashes.of(64, body));
	}

	private @Nullable JsonNode readJson(byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String first(@Nullable JsonNode root, String... pointers) {
		if (root == null) {
			return "";
		}
		for (String pointer : pointers) {
			JsonNode node = root.at(pointer);
			if (node.isString() && !node.asString().isBlank()) {
				return node.asString().trim();
			}
		}
		return "";
	}

	private static void addRef(List<String> refs, String value) {
		String cleaned = value.replaceAll("\\s", "");
		if (!cleaned.isEmpty() && cleaned.length() <= 200 && !refs.contains(cleaned)) {
			refs.add(cleaned);
		}
	}

	private static String exceptionType(String stacktrace) {
		int end = stacktrace.indexOf(':');
		int line = stacktrace.indexOf('\n');
		if (line >= 0 && (end < 0 || line < end)) {
			end = line;
		}
		return (end > 0) ? stacktrace.substring(0, end).trim() : "";
	}

	static Map<String, Object> jsonHeaders(Map<String, @Nullable Object> headers) {
		Map<String, Object> values = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (value != null) {
				values.put(name, jsonValue(value));
			}
		});
		return values;
	}

	private static Object jsonValue(Object value) {
		if (value instanceof LongString longString) {
			return new String(longString.getBytes(), StandardCharsets.UTF_8);
		}
		if (value instanceof Date date) {
			return date.toInstant().toString();
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		if (value instanceof List<?> list) {
			return list.stream().map((item) -> (item != null) ? jsonValue(item) : "").toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> converted = new LinkedHashMap<>();
			map.forEach((k, v) -> converted.put(String.valueOf(k), (v != null) ? jsonValue(v) : ""));
			return converted;
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof String) {
			return value;
		}
		return value.toString();
	}

	private static Map<String, Object> properties(MessageProperties props) {
		Map<String, Object> kept = new LinkedHashMap<>();
		putIfPresent(kept, "messageId", props.getMessageId());
		putIfPresent(kept, "correlationId", props.getCorrelationId());
		putIfPresent(kept, "contentType", props.getContentType());
		putIfPresent(kept, "contentEncoding", props.getContentEncoding());
		putIfPresent(kept, "type", props.getType());
		putIfPresent(kept, "appId", props.getAppId());
		if (props.getTimestamp() != null) {
			kept.put("timestamp", props.getTimestamp().toInstant().toString());
		}
		if (props.getPriority() != null) {
			kept.put("priority", props.getPriority());
		}
		return kept;
	}

	private static void putIfPresent(Map<String, Object> map, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			map.put(name, value);
		}
	}

	static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static int integer(@Nullable Object value, int fallback) {
		if (value instanceof Number number) {
			return number.intValue();
		}
		try {
			return (value != null) ? Integer.parseInt(value.toString().trim()) : fallback;
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static Instant instant(@Nullable Object value, Instant fallback) {
		try {
			return (value != null) ? Instant.parse(value.toString().trim()) : fallback;
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	private static String firstNonEmpty(String first, String second) {
		return first.isEmpty() ? second : first;
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max) + "…";
	}

}
