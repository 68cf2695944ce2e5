package io.genesysbridge.backend.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.genesysbridge.backend.genesys.GenesysClientException;
import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.ErrorClassifier;

/**
 * Turns a failed Genesys call, or any other failure behind an API call, into the answer the
 * caller gets. A caller must be able to tell "fix your request" from "try again later" from
 * "the bridge is misconfigured":
 *
 * <ul>
 * <li>Genesys 404 and 409 pass through; a Genesys 400 becomes 422 (Genesys found the request
 * well-formed but invalid: the caller must change it);</li>
 * <li>Genesys 429 becomes 429, and a Genesys 503 becomes 503, both with Retry-After when
 * Genesys gave one; 408 and 504 become 504;</li>
 * <li>Genesys 401 and 403, any failure of the token endpoint, and other 4xx and 5xx become 502:
 * the bridge's credentials or Genesys itself are at fault, the caller's API key is not;</li>
 * <li>other transient failures (for instance a rate limit or an open circuit of the bridge)
 * become 429 when their reason names a rate limit, otherwise 503, with their Retry-After;
 * timeouts 504, connection failures 503; anything else 500, logged with its stack trace.</li>
 * </ul>
 */
final class FailureResponses {

	private static final Log logger = LogFactory.getLog(FailureResponses.class);

	/** The operation name {@code GenesysClient} gives OAuth token requests. */
	private static final String TOKEN_OPERATION = "token";

	private static final int MAX_CAUSE_DEPTH = 16;

	private final ErrorClassifier classifier;

	FailureResponses(ErrorClassifier classifier) {
		this.classifier = classifier;
	}

	ResponseEntity<ApiError> genesys(GenesysClientException failure) {
		HttpStatus status = statusFor(failure);
		String message = "Genesys answered " + ((failure.status() > 0) ? failure.status() : "nothing")
				+ ((failure.code() != null) ? " (" + failure.code() + ")" : "") + " to " + failure.operation();
		ApiError body = new ApiError("genesys_error", message, failure.status(), failure.code(), failure.contextId(),
				failure.operation(), List.of(), null);
		log(status, failure.getMessage(), null);
		return answer(status, body, failure.retryAfter());
	}

	ResponseEntity<ApiError> other(Throwable failure, String requestId) {
		Classification verdict = this.classifier.classify(failure);
		if (isTimeout(failure)) {
			log(HttpStatus.GATEWAY_TIMEOUT, "Genesys call timed out", null);
			return answer(HttpStatus.GATEWAY_TIMEOUT, ApiError.of("genesys_timeout", "Genesys did not answer in time"),
					null);
		}
		if (verdict.isTransient() && (verdict.reason().equals("genesys.io") || verdict.reason().equals("connection"))) {
			log(HttpStatus.SERVICE_UNAVAILABLE, "Genesys unreachable: " + failure.getMessage(), null);
			return answer(HttpStatus.SERVICE_UNAVAILABLE, ApiError.of("genesys_unavailable", "Genesys is unreachable"),
					null);
		}
		if (verdict.isTransient() && verdict.retryAfter() != null) {
			HttpStatus status = verdict.reason().toLowerCase(Locale.ROOT).contains("rate") ? HttpStatus.TOO_MANY_REQUESTS
					: HttpStatus.SERVICE_UNAVAILABLE;
			ApiError body = new ApiError("temporarily_unavailable", "Try again later: " + verdict.reason(), null,
					verdict.reason(), null, null, List.of(), null);
			log(status, verdict.reason(), null);
			return answer(status, body, verdict.retryAfter());
		}
		log(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected failure of API request " + requestId, failure);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal_error",
				"Internal error; the server log has the details under this request id", null, null, null, null,
				List.of(), requestId), null);
	}

	/**
	 * A response timeout reaches us wrapped in a {@code WebClientRequestException}, which the
	 * classifier calls an I/O failure; the caller should still see 504, not 503.
	 */
	private static boolean isTimeout(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
			if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
				return true;
			}
			cause = cause.getCause();
		}
		return false;
	}

	static HttpStatus statusFor(GenesysClientException failure) {
		int status = failure.status();
		if (TOKEN_OPERATION.equals(failure.operation()) && status != 429 && status < 500) {
			return HttpStatus.BAD_GATEWAY;
		}
		return switch (status) {
			case 400 -> HttpStatus.UNPROCESSABLE_CONTENT;
			case 404 -> HttpStatus.NOT_FOUND;
			case 409 -> HttpStatus.CONFLICT;
			case 429 -> HttpStatus.TOO_MANY_REQUESTS;
			case 503 -> HttpStatus.SERVICE_UNAVAILABLE;
			case 408, 504 -> HttpStatus.GATEWAY_TIMEOUT;
			default -> HttpStatus.BAD_GATEWAY;
		};
	}

	private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body, @Nullable Duration retryAfter) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (retryAfter != null) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
		}
		return answer.body(body);
	}

	/** Whole seconds, rounded up, so a caller never comes back too early. */
	static long retryAfterSeconds(Duration retryAfter) {
		long millis = Math.max(0, retryAfter.toMillis());
		return (millis + 999) / 1000;
	}

	private static void log(HttpStatus status, String what, @Nullable Throwable failure) {
		if (failure != null) {
			logger.error(what, failure);
		}
		else if (status.is5xxServerError()) {
			logger.warn("API answered " + status.value() + ": " + what);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("API answered " + status.value() + ": " + what);
		}
	}

}
