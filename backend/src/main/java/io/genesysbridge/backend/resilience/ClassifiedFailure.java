package io.genesysbridge.backend.resilience;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An exception that already knows whether it is transient or permanent and why; features throw
 * these so that {@link ErrorClassifier} stays the one place that decides.
 */
public interface ClassifiedFailure {

	/**
	 * @return whether retrying can help
	 */
	FailureClass failureClass();

	/**
	 * @return a short, stable, low-cardinality reason code (used in DLQ headers and metric tags)
	 */
	String reason();

	/**
	 * @return the least time to wait before the next attempt (a Genesys Retry-After), or null
	 */
	default @Nullable Duration retryAfter() {
		return null;
	}

}
