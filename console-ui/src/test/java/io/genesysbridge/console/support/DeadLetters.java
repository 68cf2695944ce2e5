package io.genesysbridge.console.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Dead letters as the processor writes them to the DLQ, for tests that do not run it.
 */
public final class DeadLetters {

	private DeadLetters() {
	}

	/**
	 * @param tenant tenant id
	 * @param messageId WhatsApp message id
	 * @param text the customer's message text
	 * @param reason failure reason
	 * @param lastFailure failure time
	 * @return the dead letter
	 */
	public static Message of(String tenant, String messageId, String text, String reason, Instant lastFailure) {
		String correlation = UUID.randomUUID().toString();
		String body = envelope(tenant, messageId, text, correlation, lastFailure);
		MessageProperties properties = new MessageProperties();
		properties.setContentType("application/json");
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setCorrelationId(correlation);
		properties.setHeader("x-bridge-failure-reason", reason);
		properties.setHeader("x-bridge-failure-class", "PERMANENT");
		properties.setHeader("x-bridge-failure-detail", "Genesys answered 400");
		properties.setHeader("x-bridge-exception", "io.genesysbridge.backend.genesys.GenesysRejectedException");
		properties.setHeader("x-bridge-attempts", 1);
		properties.setHeader("x-bridge-first-failure-at", lastFailure.toString());
		properties.setHeader("x-bridge-last-failure-at", lastFailure.toString());
		properties.setHeader("x-bridge-order-key", "abc");
		properties.setHeader("x-bridge-order-seq", 7L);
		properties.setHeader("x-exception-message", "retry policy exhausted");
		properties.setHeader("x-exception-stacktrace",
				"org.springframework.messaging.MessagingException: boom\n\tat x.y(Z.java:1)");
		properties.setHeader("x-original-exchange", "");
		properties.setHeader("x-original-routingKey", "it.work");
		return new Message(body.getBytes(StandardCharsets.UTF_8), properties);
	}

	/**
	 * @param tenant tenant id
	 * @param messageId WhatsApp message id
	 * @param text the customer's message text
	 * @param correlation correlation id
	 * @param at message time
	 * @return an inbound envelope (platform contract §2)
	 */
	public static String envelope(String tenant, String messageId, String text, String correlation, Instant at) {
		return envelope(tenant, messageId, text, correlation, at, "919876543210");
	}

	/**
	 * @param tenant tenant id
	 * @param messageId WhatsApp message id
	 * @param text the customer's message text
	 * @param correlation correlation id
	 * @param at message time
	 * @param customer the customer's phone number (one conversation per customer)
	 * @return an inbound envelope (platform contract §2)
	 */
	public static String envelope(String tenant, String messageId, String text, String correlation, Instant at,
			String customer) {
		return """
				{"metadata":{"tenantId":"%s","whatsapp_message_id":"%s","timestamp":"%s","retryCount":0,"correlationId":"%s"},
				 "genesysPayload":{"id":"%s","channel":{"platform":"Open","type":"Private","messageId":"%s",
				 "from":{"nickname":"John Doe","id":"%s","idType":"Phone","firstName":"John"},"time":"%s"},
				 "type":"Text","text":%s,"direction":"Inbound"}}"""
			.formatted(tenant, messageId, at, correlation, correlation, messageId, customer, at, json(text));
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
