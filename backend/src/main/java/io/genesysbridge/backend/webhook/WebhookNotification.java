package io.genesysbridge.backend.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A Genesys outbound notification (an {@code OpenOutboundNormalizedMessage}) read just far
 * enough to authenticate it: its payload id and the integration whose secret signs it.
 *
 * @param id the payload id, the same on every retry of this notification
 * @param integrationId {@code channel.id}, else {@code channel.from.id}
 * @param root the whole body, interpreted by {@link WebhookRoutes} once the signature is checked
 */
record WebhookNotification(String id, String integrationId, JsonNode root) {

	/**
	 * @param body the parsed body
	 * @return the notification
	 * @throws MalformedWebhookException if the body is not a notification
	 */
	static WebhookNotification of(JsonNode body) {
		if (!body.isObject()) {
			throw new MalformedWebhookException("body.not-object");
		}
		String id = JsonFields.text(body, "id");
		if (id == null) {
			throw new MalformedWebhookException("id.blank");
		}
		JsonNode channel = body.get("channel");
		if (channel == null || !channel.isObject()) {
			throw new MalformedWebhookException("channel.missing");
		}
		String integrationId = JsonFields.text(channel, "id");
		if (integrationId == null) {
			integrationId = JsonFields.text(channel.get("from"), "id");
		}
		if (integrationId == null) {
			throw new MalformedWebhookException("channel.id.blank");
		}
		return new WebhookNotification(id, integrationId, body);
	}

}
