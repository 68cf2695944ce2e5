package io.genesysbridge.backend.webhook;

import io.genesysbridge.backend.receipt.AgentMessage;

/**
 * Where an authenticated notification goes.
 */
sealed interface WebhookRoute {

	/**
	 * An agent message: published to {@code outbound-genesys-messages} and remembered for its
	 * receipts.
	 *
	 * @param envelope the contract §5 envelope
	 * @param memory what receipts will need to know about it
	 */
	record AgentMessageRoute(AgentMessageEnvelope envelope, AgentMessage memory) implements WebhookRoute {
	}

	/**
	 * A Genesys-side receipt or event: published to {@code genesys-status-updates}.
	 *
	 * @param envelope the contract §6 envelope
	 */
	record StatusRoute(StatusUpdateEnvelope envelope) implements WebhookRoute {
	}

	/**
	 * Accepted with 200 but not forwarded (a type the platform cannot use).
	 *
	 * @param reason low-cardinality reason, e.g. {@code type.unsupported}
	 */
	record Ignored(String reason) implements WebhookRoute {
	}

}
