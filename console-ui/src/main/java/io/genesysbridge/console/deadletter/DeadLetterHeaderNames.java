package io.genesysbridge.console.deadletter;

import java.util.List;

/**
 * Header names of the processor's dead letters (its {@code DeadLetterHeaders}, the
 * binder's republish headers) and the console's own replay headers. Contract with the
 * backend: the names must match
 * {@code io.genesysbridge.backend.resilience.DeadLetterHeaders}.
 */
public final class DeadLetterHeaderNames {

	public static final String REASON = "x-bridge-failure-reason";

	public static final String FAILURE_CLASS = "x-bridge-failure-class";

	public static final String DETAIL = "x-bridge-failure-detail";

	public static final String EXCEPTION = "x-bridge-exception";

	public static final String ATTEMPTS = "x-bridge-attempts";

	public static final String FIRST_FAILURE = "x-bridge-first-failure-at";

	public static final String LAST_FAILURE = "x-bridge-last-failure-at";

	public static final String DELIVERED = "x-bridge-delivered";

	public static final String EXCEPTION_MESSAGE = "x-exception-message";

	public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

	public static final String ORIGINAL_EXCHANGE = "x-original-exchange";

	public static final String ORIGINAL_ROUTING_KEY = "x-original-routingKey";

	/**
	 * How often the console replayed this message (set by the console on each replay).
	 */
	public static final String REPLAYS = "x-bridge-replays";

	/**
	 * The console's dead-letter id, so a replayed message that fails again finds its
	 * record.
	 */
	public static final String DEAD_LETTER_ID = "x-bridge-dead-letter-id";

	/** The replay's claim token, unique per publish. */
	public static final String REPLAY_ID = "x-bridge-replay-id";

	/**
	 * Headers a replay drops: the binder's failure headers (re-added on the next
	 * failure), broker death records, the sequencer's numbering (re-assigned), deferral
	 * bookkeeping and the failure description of the previous attempt.
	 * {@link #FIRST_FAILURE}, {@link #DELIVERED} and every other header travel on.
	 */
	public static final List<String> DROPPED_ON_REPLAY = List.of("x-exception-message", "x-exception-stacktrace",
			"x-original-exchange", "x-original-routingKey", "x-death", "x-first-death-exchange", "x-first-death-queue",
			"x-first-death-reason", "x-last-death-exchange", "x-last-death-queue", "x-last-death-reason",
			"x-bridge-order-key", "x-bridge-order-seq", "x-bridge-deferrals", "x-bridge-deferred-reason",
			"x-bridge-first-deferred-at", REASON, FAILURE_CLASS, DETAIL, EXCEPTION, ATTEMPTS, LAST_FAILURE,
			"spring_listener_return_correlation", "spring_returned_message_correlation");

	private DeadLetterHeaderNames() {
	}

}
