package io.genesysbridge.fake;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.common.Json;

/**
 * Parses request JSON (through WireMock's shaded Jackson) and writes compact response
 * JSON.
 *
 * <p>
 * Values are plain Java types ({@code Map}, {@code List}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}), so no shaded Jackson type leaks into the fake's code.
 * The writer is hand-written because WireMock's own writer pretty-prints and drops nulls,
 * whereas Genesys answers compact JSON.
 */
final class JsonText {

	private JsonText() {
	}

	/**
	 * Parses a JSON document.
	 * @param text the raw JSON
	 * @return the parsed value
	 * @throws IllegalArgumentException if the text is not JSON
	 */
	static Object parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("empty body");
		}
		try {
			return Json.read(text, Object.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("malformed JSON", ex);
		}
	}

	/**
	 * Writes a value made of maps, lists, strings, numbers, booleans and nulls as compact
	 * JSON.
	 */
	static String write(Object value) {
		StringBuilder out = new StringBuilder(256);
		append(out, value);
		return out.toString();
	}

	private static void append(StringBuilder out, Object value) {
		switch (value) {
			case null -> out.append("null");
			case String text -> appendString(out, text);
			case Number number -> out.append(number);
			case Boolean bool -> out.append(bool);
			case Map<?, ?> map -> appendObject(out, map);
			case List<?> list -> appendArray(out, list);
			default -> appendString(out, value.toString());
		}
	}

	private static void appendObject(StringBuilder out, Map<?, ?> map) {
		out.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			appendString(out, String.valueOf(entry.getKey()));
			out.append(':');
			append(out, entry.getValue());
			if (entries.hasNext()) {
				out.append(',');
			}
		}
		out.append('}');
	}

	private static void appendArray(StringBuilder out, List<?> list) {
		out.append('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			append(out, list.get(i));
		}
		out.append(']');
	}

	private static void appendString(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
