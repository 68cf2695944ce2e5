package io.genesysbridge.backend.support;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound envelopes shaped like the platform's inbound transformer output (contract §2), for
 * tests outside the {@code inbound} package.
 */
public final class InboundEnvelopes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private InboundEnvelopes() {
	}

	/**
	 * @param tenantId the tenant
	 * @param wamid the WhatsApp message id (correlation id {@code corr-<wamid>})
	 * @param phone the customer's phone number ({@code channel.from.id})
	 * @param text the message text
	 * @return the JSON body
	 */
	public static byte[] valid(String tenantId, String wamid, String phone, String text) {
		ObjectNode root = JSON.createObjectNode();
		ObjectNode metadata = root.putObject("metadata");
		metadata.put("tenantId", tenantId);
		metadata.put("whatsapp_message_id", wamid);
		metadata.put("timestamp", "2026-11-15T03:33:20.000Z");
		metadata.put("retryCount", 0);
		metadata.put("correlationId", correlationId(wamid));
		ObjectNode payload = root.putObject("genesysPayload");
		payload.put("id", "payload-" + wamid);
		ObjectNode channel = payload.putObject("channel");
		channel.put("platform", "Open");
		channel.put("type", "Private");
		channel.put("messageId", wamid);
		ObjectNode from = channel.putObject("from");
		from.put("nickname", "Test Customer");
		from.put("id", phone);
		from.put("idType", "Phone");
		from.put("firstName", "Test");
		channel.put("time", "2026-11-15T03:33:20.000Z");
		payload.put("type", "Text");
		payload.put("text", text);
		payload.put("direction", "Inbound");
		return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
	}

	public static String correlationId(String wamid) {
		return "corr-" + wamid;
	}

}
