package io.genesysbridge.backend.receipt;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * A status event that can never become a receipt (not JSON, a required field missing, unknown
 * tenant or integration, no known customer): permanent, dead-lettered at once with its reason.
 * The message never quotes customer data.
 */
final class RejectedStatusException extends RuntimeException implements ClassifiedFailure {

	private final String reason;

	RejectedStatusException(String reason, String detail) {
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
