package io.genesysbridge.backend.genesys;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.resilience.FailureClass;

/**
 * Genesys answered 408, 429 or 5xx: retry later, no sooner than {@link #retryAfter()}.
 */
public class GenesysRetryableException extends GenesysClientException {

	private final @Nullable Duration retryAfter;

	GenesysRetryableException(String operation, int status, @Nullable String code, @Nullable String contextId,
			@Nullable Duration retryAfter) {
		super(operation, status, code, contextId, null);
		this.retryAfter = retryAfter;
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.TRANSIENT;
	}

	@Override
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
