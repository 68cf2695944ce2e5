package io.genesysbridge.console.deadletter;

import java.time.Instant;

/**
 * One dead letter as lists and groups show it (no payload).
 *
 * @param id record id
 * @param status where it stands
 * @param kind {@code inbound} or the other input queue it came from
 * @param tenant tenant id, or empty
 * @param messageId message id, or empty
 * @param correlationId correlation id, or empty
 * @param reason failure reason code
 * @param failureClass PERMANENT, TRANSIENT or empty
 * @param exception exception class name
 * @param detail short explanation
 * @param fingerprint failure group
 * @param attempts delivery attempts over every failure of this message
 * @param replays how often it was replayed
 * @param firstFailure first failure
 * @param lastFailure last failure
 * @param expires when retention drops it
 * @param replayBy who claimed its last replay, or empty
 * @param lastReplayError why the last replay failed, or empty
 */
public record DeadLetterSummary(String id, DeadLetterStatus status, String kind, String tenant, String messageId,
		String correlationId, String reason, String failureClass, String exception, String detail, String fingerprint,
		int attempts, int replays, Instant firstFailure, Instant lastFailure, Instant expires, String replayBy,
		String lastReplayError) {

	/**
	 * @return the exception's simple class name
	 */
	public String exceptionShort() {
		int dot = this.exception.lastIndexOf('.');
		return (dot >= 0) ? this.exception.substring(dot + 1) : this.exception;
	}

}
