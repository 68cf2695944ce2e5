package io.genesysbridge.backend.inbound;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;

/**
 * An inbound envelope broke a contract rule: permanent, dead-lettered at once with the rule
 * named. The message never quotes the offending values, so no customer data reaches logs.
 */
final class InvalidMessageException extends RuntimeException implements ClassifiedFailure {

	private final ValidationRule rule;

	InvalidMessageException(ValidationRule rule) {
		super("rule " + rule.code() + " failed: " + rule.description(), null, false, false);
		this.rule = rule;
	}

	ValidationRule rule() {
		return this.rule;
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.PERMANENT;
	}

	@Override
	public String reason() {
		return "validation." + this.rule.code();
	}

}
