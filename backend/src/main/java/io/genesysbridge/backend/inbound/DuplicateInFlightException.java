package io.genesysbridge.backend.inbound;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * Another consumer holds the dedupe claim of this message right now. Transient: the retry will
 * find it delivered (and acknowledge) or released (and deliver), so neither copy is lost and
 * Genesys sees one.
 */
final class DuplicateInFlightException extends RuntimeException implements ClassifiedFailure {

	DuplicateInFlightException() {
		super("a copy of this message is being delivered by another consumer", null, false, false);
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.TRANSIENT;
	}

	@Override
	public String reason() {
		return "dedupe.in-flight";
	}

}
