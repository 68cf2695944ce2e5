package io.genesysbridge.fake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * Builds the fake's HTTP answers: JSON successes, Genesys {@code ErrorBody} errors and
 * OAuth errors.
 *
 * <p>
 * Every Genesys error carries a fresh {@code contextId} that is repeated in the
 * {@code ININ-Correlation-Id} header, and every 429 carries {@code Retry-After}, so the
 * bridge can be tested against exactly the shapes described in the contract notes (§5.1,
 * §6).
 */
final class Replies {

	static final String CORRELATION_HEADER = "ININ-Correlation-Id";

	private Replies() {
	}

	/** A JSON answer with the given status and body. */
	static ResponseDefinitionBuilder json(int status, Object body) {
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(JsonText.write(body));
	}

	/**
	 * A Genesys API answer: JSON plus a correlation id header, as every API response has.
	 */
	static ResponseDefinitionBuilder api(int status, Object body) {
		return json(status, body).withHeader(CORRELATION_HEADER, Ids.uuid());
	}

	/** An answer without a body (204 and similar). */
	static ResponseDefinitionBuilder empty(int status) {
		return ResponseDefinitionBuilder.responseDefinition().withStatus(status);
	}

	/**
	 * A Genesys {@code ErrorBody} answer with the catalogue's code and message for the
	 * status.
	 * @param status the HTTP status
	 * @param retryAfter used only when {@code status} is 429
	 */
	static ResponseDefinitionBuilder error(int status, Duration retryAfter) {
		if (status == 429) {
			return tooManyRequests(retryAfter);
		}
		return error(status, ErrorCatalog.codeFor(status), ErrorCatalog.messageFor(status));
	}

	/** A Genesys {@code ErrorBody} answer with an explicit code and message. */
	static ResponseDefinitionBuilder error(int status, String code, String message) {
		String contextId = Ids.uuid();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("code", code);
		body.put("status", status);
		body.put("contextId", contextId);
		body.put("details", List.of());
		body.put("errors", List.of());
		return json(status, body).withHeader(CORRELATION_HEADER, contextId);
	}

	/**
	 * The normalized 429 (FORUM-429): fixed code, message naming the wait, and
	 * Retry-After.
	 */
	static ResponseDefinitionBuilder tooManyRequests(Duration retryAfter) {
		long seconds = retryAfterSeconds(retryAfter);
		return error(429, "too.many.requests.retry.after",
				"Rate limit exceeded the maximum. Retry the request in [" + seconds + "] seconds")
			.withHeader("Retry-After", Long.toString(seconds));
	}

	/** Whole seconds for a Retry-After header, rounded up, at least 1. */
	static long retryAfterSeconds(Duration retryAfter) {
		long millis = retryAfter.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	/**
	 * An OAuth-style token endpoint error (§1.4): {@code error}, {@code description},
	 * {@code error_description}.
	 */
	static ResponseDefinitionBuilder oauthError(int status, String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("description", description);
		body.put("error_description", description);
		return json(status, body).withHeader("Cache-Control", "no-store");
	}

}
