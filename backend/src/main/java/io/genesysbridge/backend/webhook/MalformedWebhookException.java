package io.genesysbridge.backend.webhook;

/**
 * A webhook body that cannot be read or lacks what the bridge needs; answered 400 with the
 * reason, which Genesys does not retry. The message never quotes the body.
 */
final class MalformedWebhookException extends RuntimeException {

	private final String reason;

	MalformedWebhookException(String reason) {
		super(reason, null, false, false);
		this.reason = reason;
	}

	String reason() {
		return this.reason;
	}

}
