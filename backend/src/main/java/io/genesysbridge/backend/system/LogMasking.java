package io.genesysbridge.backend.system;

import org.jspecify.annotations.Nullable;

/**
 * Masks customer identifiers for logs: a phone number keeps its last four digits.
 */
public final class LogMasking {

	private static final int VISIBLE = 4;

	private LogMasking() {
	}

	/**
	 * @param value a phone number or other customer id
	 * @return the value with all but the last four characters replaced by {@code *}
	 */
	public static String mask(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		if (value.length() <= VISIBLE) {
			return "*".repeat(value.length());
		}
		return "*".repeat(value.length() - VISIBLE) + value.substring(value.length() - VISIBLE);
	}

}
