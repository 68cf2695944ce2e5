package io.genesysbridge.fake;

/**
 * A reason to reject an inbound body with 400, carrying the Genesys error code and
 * message.
 *
 * <p>
 * The bridge under test only sees the code and message, so both imitate what Genesys's
 * JSON schema validation reports.
 *
 * @param code the ErrorBody {@code code}, e.g. {@code bad.request} or
 * {@code invalid.value}
 * @param message the ErrorBody {@code message}
 */
record Violation(String code, String message) {

	static Violation required(String path, String property) {
		String prefix = path.isEmpty() ? "" : path + " ";
		return new Violation("bad.request", prefix + "should have required property '" + property + "'");
	}

	static Violation type(String path, String type) {
		return new Violation("bad.request", path + " should be " + type);
	}

	static Violation enumValue(Object value, String fieldType, String allowed) {
		return new Violation("invalid.value", "Value [" + value + "] is not valid for field type [" + fieldType
				+ "]. Allowable values are: " + allowed);
	}

	static Violation badRequest(String message) {
		return new Violation("bad.request", message);
	}

}
