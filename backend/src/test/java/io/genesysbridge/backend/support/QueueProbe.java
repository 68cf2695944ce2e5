package io.genesysbridge.backend.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import org.awaitility.Awaitility;

/**
 * Publishes like the platform's producers (default exchange, routing key = queue name) and
 * reads queues into memory, so tests can wait for their own messages by id while other tests'
 * messages are kept aside.
 */
public class QueueProbe {

	private final RabbitTemplate rabbit;

	private final RabbitAdmin admin;

	private final Map<String, List<Message>> seen = new ConcurrentHashMap<>();

	public QueueProbe(ConnectionFactory connectionFactory) {
		this.rabbit = new RabbitTemplate(connectionFactory);
		this.admin = new RabbitAdmin(connectionFactory);
	}

	/**
	 * Publishes a body the way the inbound transformer does.
	 * @param queue queue name (routing key on the default exchange)
	 * @param body message body
	 * @param contentType content type, or null to publish without one
	 */
	public void publish(String queue, byte[] body, String contentType) {
		MessageProperties properties = new MessageProperties();
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		if (contentType != null) {
			properties.setContentType(contentType);
		}
		this.rabbit.send("", queue, new Message(body, properties));
	}

	/**
	 * Publishes bodies on one channel, so the queue holds them in exactly this order (separate
	 * sends may use different cached channels, whose publishes can interleave).
	 * @param queue queue name (routing key on the default exchange)
	 * @param bodies message bodies, in publish order
	 */
	public void publishInOrder(String queue, List<byte[]> bodies) {
		this.rabbit.invoke((operations) -> {
			for (byte[] body : bodies) {
				MessageProperties properties = new MessageProperties();
				properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
				properties.setContentType("application/json");
				operations.send("", queue, new Message(body, properties));
			}
			return null;
		});
	}

	/**
	 * Waits until at least {@code count} messages matching the filter have arrived on the queue.
	 * @return every matching message seen so far
	 */
	public List<Message> await(String queue, Predicate<Message> filter, int count, Duration timeout) {
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> drain(queue, filter).size() >= count);
		return drain(queue, filter);
	}

	/**
	 * Drains the queue and returns every matching message seen so far.
	 */
	public List<Message> drain(String queue, Predicate<Message> filter) {
		List<Message> all = this.seen.computeIfAbsent(queue, (q) -> new CopyOnWriteArrayList<>());
		Message message;
		while ((message = this.rabbit.receive(queue)) != null) {
			all.add(message);
		}
		List<Message> matching = new ArrayList<>();
		for (Message m : all) {
			if (filter.test(m)) {
				matching.add(m);
			}
		}
		return matching;
	}

	/**
	 * @return messages ready plus unacknowledged on the queue, per the broker
	 */
	public int depth(String queue) {
		var info = this.admin.getQueueInfo(queue);
		return (info != null) ? (int) info.getMessageCount() : -1;
	}

	public static Predicate<Message> bodyContains(String text) {
		return (m) -> new String(m.getBody(), StandardCharsets.UTF_8).contains(text);
	}

	public static String body(Message message) {
		return new String(message.getBody(), StandardCharsets.UTF_8);
	}

}
