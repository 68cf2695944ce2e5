package io.genesysbridge.backend.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In the {@code demo} profile, publishes a handful of customer messages to the inbound queue
 * exactly as the platform's inbound transformer does (default exchange, JSON), plus one invalid
 * message that ends in the dead-letter queue, so a newcomer sees both paths.
 */
@Component
@Profile("demo")
class DemoTrafficPublisher {

	private static final Log logger = LogFactory.getLog(DemoTrafficPublisher.class);

	private static final String[] TEXTS = { "Hi, I need help with my order", "Order number is 4711",
			"Can an agent call me back?", "Thanks!" };

	private final RabbitTemplate rabbit;

	private final String queue;

	private final String tenantId;

	DemoTrafficPublisher(ConnectionFactory connectionFactory, @Value("${app.queues.inbound}") String queue,
			@Value("${app.demo.tenant-id:demo-tenant}") String tenantId) {
		this.rabbit = new RabbitTemplate(connectionFactory);
		this.queue = queue;
		this.tenantId = tenantId;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishSamples() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < TEXTS.length; i++) {
			publish(envelope("wamid.demo." + run + "." + i, "\"text\":\"" + TEXTS[i] + "\"", "15551230001"));
		}
		publish(envelope("wamid.demo." + run + ".image",
				"\"content\":[{\"contentType\":\"Attachment\",\"attachment\":{\"mediaType\":\"Image\","
						+ "\"url\":\"https://example.com/receipt.png\",\"mime\":\"image/png\",\"filename\":\"receipt.png\"}}]",
				"15551230002"));
		publish(envelope("wamid.demo." + run + ".invalid", "\"text\":\"no sender\"", ""));
		logger.info("Demo: published " + (TEXTS.length + 2) + " sample messages to '" + this.queue
				+ "' (one invalid, for the dead-letter queue)");
	}

	private void publish(String json) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		this.rabbit.send("", this.queue, new Message(json.getBytes(StandardCharsets.UTF_8), properties));
	}

	private String envelope(String wamid, String body, String from) {
		String now = Instant.now().toString();
		return """
				{"metadata":{"tenantId":"%s","whatsapp_message_id":"%s","timestamp":"%s","retryCount":0,
				 "correlationId":"%s"},
				 "genesysPayload":{"id":"%s","channel":{"platform":"Open","type":"Private","messageId":"%s",
				 "from":{"nickname":"Demo Customer","id":"%s","idType":"Phone","firstName":"Demo"},"time":"%s"},
				 "type":"Text",%s,"direction":"Inbound"}}"""
			.formatted(this.tenantId, wamid, now, UUID.randomUUID(), UUID.randomUUID(), wamid, from, now, body);
	}

}
