package io.genesysbridge.backend.genesys;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * A Genesys call failed. Carries the operation, HTTP status, Genesys error {@code code} and
 * {@code contextId} (quote it to Genesys support), never the request body or token.
 */
public abstract class GenesysClientException extends RuntimeException implements ClassifiedFailure {

	private final String operation;

	private final int status;

	private final @Nullable String code;

	private final @Nullable String contextId;

	GenesysClientException(String operation, int status, @Nullable String code, @Nullable String contextId,
			@Nullable Throwable cause) {
		super(describe(operation, status, code, contextId), cause);
		this.operation = operation;
		this.status = status;
		this.code = code;
		this.contextId = contextId;
	}

	private static String describe(String operation, int status, @Nullable String code, @Nullable String contextId) {
		StringBuilder text = new StringBuilder("Genesys ").append(operation).append(" answered ");
		text.append((status > 0) ? String.valueOf(status) : "no response");
		if (code != null) {
			text.append(" (").append(code).append(')');
		}
		if (contextId != null) {
			text.append(", contextId=").append(contextId);
		}
		return text.toString();
	}

	public String operation() {
		return this.operation;
	}

	/**
	 * @return the HTTP status, or 0 when no response arrived
	 */
	public int status() {
		return this.status;
	}

	public @Nullable String code() {
		return this.code;
	}

	public @Nullable String contextId() {
		return this.contextId;
	}

	@Override
	public String reason() {
		return "genesys." + this.operation + "." + this.status;
	}

	@Override
	public abstract FailureClass failureClass();

	@Override
	public @Nullable Duration retryAfter() {
		return null;
	}

}
