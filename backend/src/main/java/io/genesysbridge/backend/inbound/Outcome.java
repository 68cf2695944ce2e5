package io.genesysbridge.backend.inbound;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What became of one attempt at an inbound message, short of a failure: a correlation event to
 * publish, nothing to publish (a duplicate), or a deferral to a delay route.
 */
sealed interface Outcome {

	/**
	 * Delivered (or a redelivery of a delivered message): publish this event.
	 */
	record Publish(CorrelationEvent event) implements Outcome {
	}

	/**
	 * A copy of a delivered message: acknowledge, publish nothing.
	 */
	record Nothing() implements Outcome {
	}

	/**
	 * Must wait: move it to a delay route.
	 *
	 * @param delay the least delay wanted, or null for a delay growing with each deferral
	 * @param reason low-cardinality reason
	 */
	record Defer(@Nullable Duration delay, String reason) implements Outcome {
	}

}
