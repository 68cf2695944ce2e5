package io.genesysbridge.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Outbound notifications as Genesys posts them to the webhook (compact JSON, contract notes
 * §3.3), and their signatures.
 */
final class GenesysNotifications {

	private GenesysNotifications() {
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static byte[] text(String id, String integrationId, String customerId, String text) {
		return bytes("{\"id\":\"" + id + "\",\"channel\":{\"id\":\"" + integrationId
				+ "\",\"platform\":\"Open\",\"type\":\"Private\",\"messageId\":\"" + id + "\",\"to\":{\"id\":\""
				+ customerId + "\",\"idType\":\"Phone\"},\"from\":{\"nickname\":\"Support\",\"id\":\"" + integrationId
				+ "\",\"idType\":\"Opaque\"},\"time\":\"" + Instant.now() + "\"},\"type\":\"Text\",\"text\":\"" + text
				+ "\",\"originatingEntity\":\"Human\",\"direction\":\"Outbound\",\"conversationId\":\"conv-" + id
				+ "\"}");
	}

	static byte[] attachment(String id, String integrationId, String customerId) {
		return bytes("{\"id\":\"" + id + "\",\"channel\":{\"id\":\"" + integrationId + "\",\"messageId\":\"" + id
				+ "\",\"to\":{\"id\":\"" + customerId + "\"},\"time\":\"2026-11-20T10:00:00.000Z\"},\"type\":\"Text\","
				+ "\"content\":[{\"contentType\":\"Attachment\",\"attachment\":{\"id\":\"a1\",\"mediaType\":\"Image\","
				+ "\"url\":\"https://api-downloads.mypurecloud.com/api/v2/downloads/" + id
				+ "\",\"mime\":\"image/png\",\"filename\":\"invoice.png\",\"contentSizeBytes\":2048}}],"
				+ "\"direction\":\"Outbound\"}");
	}

	static byte[] receipt(String id, String integrationId, String messageId, String status) {
		return bytes("{\"id\":\"" + id + "\",\"channel\":{\"id\":\"" + integrationId + "\",\"messageId\":\""
				+ messageId + "\",\"time\":\"2026-11-20T10:00:01.000Z\"},\"type\":\"Receipt\",\"status\":\"" + status
				+ "\",\"direction\":\"Outbound\"}");
	}

	static byte[] typing(String id, String integrationId, String customerId) {
		return bytes("{\"id\":\"" + id + "\",\"channel\":{\"id\":\"" + integrationId + "\",\"to\":{\"id\":\""
				+ customerId + "\"},\"time\":\"2026-11-20T10:00:02.000Z\"},\"type\":\"Event\","
				+ "\"events\":[{\"eventType\":\"Typing\",\"typing\":{\"type\":\"On\",\"duration\":5000}}],"
				+ "\"direction\":\"Outbound\"}");
	}

	static String sign(String secret, byte[] body) {
		return WebhookSignatureVerifier.sign(secret, body);
	}

	static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
