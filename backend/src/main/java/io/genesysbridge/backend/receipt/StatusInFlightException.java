package io.genesysbridge.backend.receipt;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * Another status of the same message is being sent right now. Transient: the retry finds it
 * recorded and then sends or drops this one, so Genesys never sees two receipts of one message
 * racing each other.
 */
final class StatusInFlightException extends RuntimeException implements ClassifiedFailure {

	StatusInFlightException() {
		super("another status of this message is being sent", null, false, false);
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.TRANSIENT;
	}

	@Override
	public String reason() {
		return "receipt.in-flight";
	}

}
