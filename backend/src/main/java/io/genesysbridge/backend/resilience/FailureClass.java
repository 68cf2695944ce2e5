package io.genesysbridge.backend.resilience;

/**
 * Whether retrying a failed message can help.
 */
public enum FailureClass {

	/** Worth retrying later: timeouts, connection errors, 408, 429, 5xx. */
	TRANSIENT,

	/** Retrying cannot help: invalid message, other 4xx, configuration errors. Dead-letter at once. */
	PERMANENT

}
