package io.genesysbridge.backend.ratelimit;

import java.time.Duration;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * No Genesys permit is due soon enough: the call was not made. Transient, never a reason to
 * dead-letter; stream consumers defer the message by {@link #retryAfter()}.
 */
public final class RateLimitedException extends RuntimeException implements ClassifiedFailure {

	private final Duration retryAfter;

	public RateLimitedException(String tenantId, Duration retryAfter) {
		super("rate limit of tenant " + tenantId + " reached; next permit in " + retryAfter.toMillis() + " ms", null,
				false, false);
		this.retryAfter = retryAfter;
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.TRANSIENT;
	}

	@Override
	public String reason() {
		return "ratelimit";
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
