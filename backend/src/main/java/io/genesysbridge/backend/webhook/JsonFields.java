package io.genesysbridge.backend.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Null-safe reads of optional JSON fields.
 */
final class JsonFields {

	private JsonFields() {
	}

	/**
	 * @param node an object node, or null
	 * @param field a field name
	 * @return the field's non-blank string value, else null
	 */
	static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

}
