package io.genesysbridge.console.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dead letter as read from the DLQ, ready to be stored.
 *
 * @param id the record id: the same message (kind, tenant, message id) always maps to the
 * same record, so a replayed message that fails again updates its record
 * @param kind {@code inbound}, or the other input queue it came from
 * @param tenant tenant id from the body, or empty
 * @param messageId WhatsApp message id (or the event's id), or empty
 * @param correlationId correlation id, or empty
 * @param reason failure reason code
 * @param failureClass PERMANENT, TRANSIENT or empty
 * @param detail short explanation
 * @param exception exception class name
 * @param exceptionMessage the binder's exception message
 * @param stacktrace the binder's stack trace (truncated)
 * @param fingerprint failure group: a hash of exception type and reason
 * @param attempts delivery attempts of this failure
 * @param firstFailure first failure (kept across replays)
 * @param lastFailure this failure
 * @param origin the queue the message was consumed from
 * @param marker identifies this very DLQ message, so a redelivery is stored once
 * @param payload the body (possibly truncated)
 * @param payloadSize the body's full size in bytes
 * @param truncated whether the body was cut at the size limit
 * @param headers AMQP headers as JSON-friendly values
 * @param properties AMQP properties worth keeping for a replay
 * @param headerReplays the replay count the message carried
 * @param refs lookup values (message id, correlation id)
 */
record Intake(String id, String kind, String tenant, String messageId, String correlationId, String reason,
		String failureClass, String detail, String exception, String exceptionMessage, String stacktrace,
		String fingerprint, int attempts, Instant firstFailure, Instant lastFailure, String origin, String marker,
		byte[] payload, int payloadSize, boolean truncated, Map<String, Object> headers, Map<String, Object> properties,
		int headerReplays, List<String> refs) {
}
