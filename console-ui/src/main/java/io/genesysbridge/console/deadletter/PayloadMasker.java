package io.genesysbridge.console.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares payloads and headers for the pages. Unless the viewer may see customer data
 * (ADMIN), phone numbers keep only their last four digits, names only their first letter,
 * and message text is replaced by its length; a body that is not JSON is not shown at
 * all, since its text cannot be told apart from the rest. The result is always rendered
 * escaped.
 */
final class PayloadMasker {

	private static final Set<String> TEXT_FIELDS = Set.of("text", "body", "caption");

	private static final Set<String> NAME_FIELDS = Set.of("nickname", "firstName", "lastName", "name", "displayName",
			"email");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().-]{5,24}$");

	// Seven or more digits, not part of a longer number, a decimal fraction (timestamps),
	// a time
	// or a hexadecimal literal.
	private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d.:xX])\\+?\\d{7,15}(?!\\d)");

	private static final int VISIBLE_DIGITS = 4;

	private final JsonMapper json;

	PayloadMasker(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @param payload the raw body
	 * @param unmasked whether the viewer may see customer data
	 * @return the body for display: pretty JSON (masked unless allowed) or text
	 */
	String render(byte[] payload, boolean unmasked) {
		String text = utf8(payload);
		JsonNode root = parse(text);
		if (root == null) {
			if (unmasked) {
				return (text != null) ? text : "[binary payload, " + payload.length + " bytes]";
			}
			return "[payload of " + payload.length + " bytes is not JSON: hidden, only an ADMIN may see it]";
		}
		JsonNode shown = unmasked ? root : mask(root.deepCopy(), "");
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(shown);
	}

	/**
	 * @param headers AMQP headers
	 * @param unmasked whether the viewer may see customer data
	 * @return header values as text, long digit runs masked unless allowed
	 */
	Map<String, String> headers(Map<String, Object> headers, boolean unmasked) {
		Map<String, String> shown = new java.util.TreeMap<>();
		headers.forEach((name, value) -> {
			String text = (value instanceof String string) ? string : this.json.writeValueAsString(value);
			shown.put(name, unmasked ? text : maskDigitRuns(text));
		});
		return shown;
	}

	private JsonNode mask(JsonNode node, String field) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> entry : object.properties()) {
				object.set(entry.getKey(), mask(entry.getValue(), entry.getKey()));
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, mask(array.get(i), field));
			}
			return array;
		}
		if (node.isString()) {
			return this.json.getNodeFactory().stringNode(maskValue(field, node.asString()));
		}
		return node;
	}

	static String maskValue(String field, String value) {
		if (TEXT_FIELDS.contains(field)) {
			return "[hidden: " + value.codePointCount(0, value.length()) + " characters]";
		}
		if (NAME_FIELDS.contains(field)) {
			return value.isEmpty() ? value : value.substring(0, 1) + "***";
		}
		if (PHONE.matcher(value).matches() && value.chars().filter(Character::isDigit).count() >= 7) {
			return maskPhone(value);
		}
		return maskDigitRuns(value);
	}

	/**
	 * @param value a phone number
	 * @return the number with every character but the last four replaced by {@code *}
	 */
	static String maskPhone(String value) {
		if (value.length() <= VISIBLE_DIGITS) {
			return "*".repeat(value.length());
		}
		return "*".repeat(value.length() - VISIBLE_DIGITS) + value.substring(value.length() - VISIBLE_DIGITS);
	}

	static String maskDigitRuns(String value) {
		Matcher matcher = DIGIT_RUN.matcher(value);
		StringBuilder masked = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(masked, Matcher.quoteReplacement(maskPhone(matcher.group())));
		}
		matcher.appendTail(masked);
		return masked.toString();
	}

	private @org.jspecify.annotations.Nullable JsonNode parse(@org.jspecify.annotations.Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(text);
			return (node != null && (node.isObject() || node.isArray())) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @org.jspecify.annotations.Nullable String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
