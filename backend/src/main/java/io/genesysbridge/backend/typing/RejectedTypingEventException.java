package io.genesysbridge.backend.typing;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * A typing event that can never be sent (not JSON, a required field missing, unknown tenant or
 * integration): permanent, dead-lettered at once with its reason.
 */
final class RejectedTypingEventException extends RuntimeException implements ClassifiedFailure {

	private final String reason;

	RejectedTypingEventException(String reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.PERMANENT;
	}

	@Override
	public String reason() {
		return this.reason;
	}

}
