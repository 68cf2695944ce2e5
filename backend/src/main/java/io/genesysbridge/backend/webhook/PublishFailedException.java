package io.genesysbridge.backend.webhook;

import org.jspecify.annotations.Nullable;

/**
 * RabbitMQ did not take a message: it refused it (nack), could not route it (returned), the
 * connection could not be used, or was lost before the confirm arrived. In the last case the
 * broker may still hold the message ({@link #isAmbiguous()}); Genesys's retry publishes it again
 * and the consumer sees the same {@code message_id} twice.
 */
final class PublishFailedException extends RuntimeException {

	private final String reason;

	private final boolean ambiguous;

	PublishFailedException(String reason, boolean ambiguous, @Nullable Throwable cause) {
		super(reason, cause, false, false);
		this.reason = reason;
		this.ambiguous = ambiguous;
	}

	/**
	 * @return a stable reason code, e.g. {@code publish.returned}
	 */
	String reason() {
		return this.reason;
	}

	boolean isAmbiguous() {
		return this.ambiguous;
	}

}
