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
	 * @param growthLimit for a growing delay, the longest worth waiting (an open circuit's time
	 * to its trial calls), or null for no limit
	 */
	record Defer(@Nullable Duration delay, String reason, @Nullable Duration growthLimit) implements Outcome {

		Defer(@Nullable Duration delay, String reason) {
			this(delay, reason, null);
		}

	}

}
