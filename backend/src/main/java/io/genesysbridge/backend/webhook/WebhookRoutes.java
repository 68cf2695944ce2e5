package io.genesysbridge.backend.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.genesysbridge.backend.receipt.AgentMessage;

/**
 * Decides what an authenticated notification becomes (contract notes §3.3):
 * <ul>
 * <li>{@code Text} / {@code Structured} from the agent → an agent message with its text and
 * first attachment; without either (e.g. only quick-reply buttons) it is ignored;</li>
 * <li>{@code Receipt} with status Delivered, Read or Failed → a status update;</li>
 * <li>{@code Event} {@code Typing} → status {@code typing}; {@code Presence} Disconnect →
 * {@code disconnect};</li>
 * <li>anything else, or a direction other than {@code Outbound} → ignored (answered 200, so
 * Genesys does not fail the conversation over it).</li>
 * </ul>
 */
final class WebhookRoutes {

	private WebhookRoutes() {
	}

	/**
	 * @param tenantId the tenant that owns the integration
	 * @param notification the authenticated notification
	 * @param now the arrival time (used when {@code channel.time} is missing)
	 * @return the route
	 * @throws MalformedWebhookException if an agent message names no customer
	 */
	static WebhookRoute route(String tenantId, WebhookNotification notification, Instant now) {
		JsonNode root = notification.root();
		String direction = JsonFields.text(root, "direction");
		if (direction != null && !"Outbound".equals(direction)) {
			return new WebhookRoute.Ignored("direction.not-outbound");
		}
		String type = JsonFields.text(root, "type");
		if (type == null) {
			return new WebhookRoute.Ignored("type.missing");
		}
		return switch (type) {
			case "Text", "Structured" -> agentMessage(tenantId, notification, now);
			case "Receipt" -> receipt(tenantId, notification, now);
			case "Event" -> event(tenantId, notification, now);
			default -> new WebhookRoute.Ignored("type.unsupported");
		};
	}

	private static WebhookRoute agentMessage(String tenantId, WebhookNotification notification, Instant now) {
		JsonNode root = notification.root();
		JsonNode to = root.get("channel").get("to");
		String toId = JsonFields.text(to, "id");
		if (toId == null) {
			throw new MalformedWebhookException("channel.to.id.blank");
		}
		String toIdType = JsonFields.text(to, "idType");
		String text = JsonFields.text(root, "text");
		AgentMessageEnvelope.Media media = firstAttachment(root.get("content"));
		if (text == null && media == null) {
			return new WebhookRoute.Ignored("content.unsupported");
		}
		String conversationId = JsonFields.text(root, "conversationId");
		AgentMessageEnvelope envelope = new AgentMessageEnvelope(tenantId, notification.id(), conversationId, "message",
				time(notification, now), new AgentMessageEnvelope.Payload(text, toId, toIdType, media));
		return new WebhookRoute.AgentMessageRoute(envelope, new AgentMessage(notification.id(), tenantId,
				notification.integrationId(), toId, toIdType, conversationId));
	}

	private static WebhookRoute receipt(String tenantId, WebhookNotification notification, Instant now) {
		String status = JsonFields.text(notification.root(), "status");
		if (status == null || !(status.equals("Delivered") || status.equals("Read") || status.equals("Failed"))) {
			return new WebhookRoute.Ignored("receipt.status.unsupported");
		}
		return status(tenantId, notification, status.toLowerCase(Locale.ROOT), now);
	}

	private static WebhookRoute event(String tenantId, WebhookNotification notification, Instant now) {
		JsonNode events = notification.root().get("events");
		JsonNode first = (events != null && events.isArray() && !events.isEmpty()) ? events.get(0) : null;
		String eventType = JsonFields.text(first, "eventType");
		if ("Typing".equals(eventType)) {
			return status(tenantId, notification, "typing", now);
		}
		if ("Presence".equals(eventType)
				&& "Disconnect".equalsIgnoreCase(JsonFields.text(first.get("presence"), "type"))) {
			return status(tenantId, notification, "disconnect", now);
		}
		return new WebhookRoute.Ignored("event.unsupported");
	}

	private static WebhookRoute status(String tenantId, WebhookNotification notification, String status,
			Instant now) {
		String messageId = JsonFields.text(notification.root().get("channel"), "messageId");
		return new WebhookRoute.StatusRoute(
				new StatusUpdateEnvelope(tenantId, notification.id(), messageId, status, time(notification, now)));
	}

	/** Genesys allows one attachment per message; a second one would be ignored here. */
	private static AgentMessageEnvelope.@Nullable Media firstAttachment(@Nullable JsonNode content) {
		if (content == null || !content.isArray()) {
			return null;
		}
		for (JsonNode item : content) {
			JsonNode attachment = item.get("attachment");
			String url = JsonFields.text(attachment, "url");
			if (url != null) {
				return new AgentMessageEnvelope.Media(url, JsonFields.text(attachment, "mime"),
						JsonFields.text(attachment, "filename"));
			}
		}
		return null;
	}

	private static String time(WebhookNotification notification, Instant now) {
		String time = JsonFields.text(notification.root().get("channel"), "time");
		return (time != null) ? time : now.truncatedTo(ChronoUnit.MILLIS).toString();
	}

}
