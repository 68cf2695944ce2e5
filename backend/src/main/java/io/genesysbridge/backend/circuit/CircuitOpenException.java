package io.genesysbridge.backend.circuit;

import java.time.Duration;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * The Genesys org's circuit is open: the call was not made. Transient, never a reason to
 * dead-letter; stream consumers defer the message with a growing delay.
 */
public final class CircuitOpenException extends RuntimeException implements ClassifiedFailure {

	private final Duration retryAfter;

	CircuitOpenException(String circuit, Duration retryAfter) {
		super("circuit " + circuit + " is open", null, false, false);
		this.retryAfter = retryAfter;
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.TRANSIENT;
	}

	@Override
	public String reason() {
		return "circuit.open";
	}

	@Override
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
