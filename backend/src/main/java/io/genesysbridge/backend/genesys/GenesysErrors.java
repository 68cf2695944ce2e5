package io.genesysbridge.backend.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a non-2xx Genesys answer into a typed exception, following the contract notes §6.2:
 * 408, 429 and 5xx are retryable (429 with its Retry-After), 401 asks for a token refresh,
 * every other status is a rejection. Reads the {@code ErrorBody} ({@code code},
 * {@code contextId}) and the OAuth error body of the token endpoint.
 */
final class GenesysErrors {

	private final JsonMapper json;

	private final Clock clock;

	GenesysErrors(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	GenesysClientException toException(String operation, int status, String body, @Nullable String retryAfter,
			@Nullable String correlationHeader) {
		JsonNode node = parse(body);
		String code = text(node, "code");
		if (code == null) {
			code = text(node, "error");
		}
		String contextId = text(node, "contextId");
		if (contextId == null) {
			contextId = correlationHeader;
		}
		if (status == 401 && !GenesysClient.TOKEN_OPERATION.equals(operation)) {
			return new GenesysUnauthorizedException(operation, code, contextId);
		}
		if (status == 408 || status == 429 || status >= 500) {
			return new GenesysRetryableException(operation, status, code, contextId, parseRetryAfter(retryAfter));
		}
		return new GenesysRejectedException(operation, status, code, contextId);
	}

	@Nullable Duration parseRetryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

	private @Nullable JsonNode parse(String body) {
		if (body.isBlank()) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(field);
		return (value != null && value.isString() && !value.asString().isBlank()) ? value.asString() : null;
	}

}
