package io.genesysbridge.console.deadletter;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A stored dead letter with everything needed to show and replay it.
 *
 * @param summary the list fields
 * @param origin the queue it was consumed from when it failed
 * @param exceptionMessage the binder's exception message
 * @param stacktrace the binder's stack trace (truncated)
 * @param payload the original body (truncated when {@code truncated})
 * @param payloadSize the original body's size in bytes
 * @param truncated whether the body was cut at the size limit (such a letter cannot be
 * replayed)
 * @param headers the AMQP headers it carried
 * @param properties the AMQP properties kept for a replay
 * @param replayToken the current replay claim, or empty
 * @param replayOperation the bulk operation of the current or last replay, or empty
 * @param replayStarted when the current or last replay claimed it
 * @param replayed when it was last replayed
 * @param archivedBy who archived it, or empty
 * @param archivedReason why, or empty
 * @param archived when
 */
public record DeadLetter(DeadLetterSummary summary, String origin, String exceptionMessage, String stacktrace,
		byte[] payload, int payloadSize, boolean truncated, Map<String, Object> headers, Map<String, Object> properties,
		String replayToken, String replayOperation, @Nullable Instant replayStarted, @Nullable Instant replayed,
		String archivedBy, String archivedReason, @Nullable Instant archived) {

	public String id() {
		return this.summary.id();
	}

}
