package io.genesysbridge.backend.resilience;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The verdict of {@link ErrorClassifier} on one failure.
 *
 * @param failureClass transient or permanent
 * @param reason stable reason code, e.g. {@code genesys.http.503} or {@code validation.text.empty}
 * @param retryAfter the least wait before retrying, when the failure said so
 */
public record Classification(FailureClass failureClass, String reason, @Nullable Duration retryAfter) {

	public boolean isTransient() {
		return this.failureClass == FailureClass.TRANSIENT;
	}

}
