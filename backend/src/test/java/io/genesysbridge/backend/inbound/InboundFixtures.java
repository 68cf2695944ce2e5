package io.genesysbridge.backend.inbound;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds inbound envelopes shaped like the platform's inbound transformer output (contract §2).
 */
final class InboundFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private InboundFixtures() {
	}

	static ObjectNode valid(String tenantId, String wamid) {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode metadata = root.putObject("metadata");
		metadata.put("tenantId", tenantId);
		metadata.put("whatsapp_message_id", wamid);
		metadata.put("timestamp", "2026-11-15T03:33:20.000Z");
		metadata.put("retryCount", 0);
		metadata.put("correlationId", "corr-" + wamid);
		ObjectNode payload = root.putObject("genesysPayload");
		payload.put("id", "payload-" + wamid);
		ObjectNode channel = payload.putObject("channel");
		channel.put("platform", "Open");
		channel.put("type", "Private");
		channel.put("messageId", wamid);
		ObjectNode from = channel.putObject("from");
		from.put("nickname", "John Doe");
		from.put("id", "919876543210");
		from.put("idType", "Phone");
		from.put("firstName", "John");
		channel.put("time", "2026-11-15T03:33:20.000Z");
		payload.put("type", "Text");
		payload.put("text", "Hello World");
		payload.put("direction", "Inbound");
		return root;
	}

	static ObjectNode withAttachment(ObjectNode root) {
		ObjectNode attachment = root.withObjectProperty("genesysPayload")
			.putArray("content")
			.addObject()
			.put("contentType", "Attachment")
			.putObject("attachment");
		attachment.put("mediaType", "Image");
		attachment.put("url", "https://media.example/a.jpg");
		attachment.put("mime", "image/jpeg");
		attachment.put("filename", "a.jpg");
		return root;
	}

	static byte[] bytes(JsonNode node) {
		return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
	}

}
