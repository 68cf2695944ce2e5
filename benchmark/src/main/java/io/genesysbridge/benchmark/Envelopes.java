package io.genesysbridge.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Inbound envelopes shaped like the platform's inbound transformer output (contract §2), as in
 * the backend's {@code InboundFixtures}: a text message from one of {@code customers}
 * customers, chosen round-robin, so consecutive messages belong to different conversations.
 */
final class Envelopes {

	private Envelopes() {
	}

	static String customer(int index, int customers) {
		return "44700" + String.format("%07d", index % Math.max(1, customers));
	}

	static byte[] inbound(String tenantId, Tracker tracker, int index, int customers) {
		String wamid = tracker.wamid(index);
		String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
		String customer = customer(index, customers);
		String json = """
				{"metadata":{"tenantId":"%s","whatsapp_message_id":"%s","timestamp":"%s","retryCount":0,\
				"correlationId":"%s"},"genesysPayload":{"id":"payload-%s","channel":{"platform":"Open",\
				"type":"Private","messageId":"%s","from":{"nickname":"Customer %s","id":"%s","idType":"Phone",\
				"firstName":"Customer"},"time":"%s"},"type":"Text","text":"Benchmark message %d of %s",\
				"direction":"Inbound"}}"""
			.formatted(tenantId, wamid, now, tracker.correlationId(index), wamid, wamid, customer, customer, now,
					index, tracker.tag());
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
