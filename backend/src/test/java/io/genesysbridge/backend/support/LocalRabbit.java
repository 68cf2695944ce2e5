package io.genesysbridge.backend.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The shared RabbitMQ on 127.0.0.1:5672 (or RABBITMQ_HOST/RABBITMQ_PORT, guest) for tests that
 * need no Spring context. It remembers the queues a test declared through it and deletes only
 * those on {@link #close()}.
 *
 * <p>
 * The broker's management API is not assumed, so {@link #typeOf} asks the broker itself: it
 * redeclares the queue with its own arguments but another {@code x-queue-type}, which RabbitMQ
 * refuses naming the type the queue really has.
 */
public final class LocalRabbit implements AutoCloseable {

	private final CachingConnectionFactory connectionFactory;

	private final RabbitAdmin admin;

	private final List<String> declared = new ArrayList<>();

	private LocalRabbit() {
		this.connectionFactory = new CachingConnectionFactory(System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
				Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
		this.admin = new RabbitAdmin(this.connectionFactory);
	}

	public static LocalRabbit connect() {
		return new LocalRabbit();
	}

	public CachingConnectionFactory connectionFactory() {
		return this.connectionFactory;
	}

	/**
	 * Declares a queue and deletes it on {@link #close()}.
	 * @param queue the queue
	 */
	public void declare(Queue queue) {
		this.declared.add(queue.getName());
		this.admin.declareQueue(queue);
	}

	/**
	 * Deletes a queue on {@link #close()}, for queues declared by code under test.
	 * @param name the queue
	 */
	public void deleteOnClose(String name) {
		this.declared.add(name);
	}

	/**
	 * Publishes like a careful producer: persistent, through the default exchange, on one channel
	 * (so in this order), and waits for the broker's confirms. A quorum queue can lose messages
	 * that a producer published without confirms right before closing its channel (seen on
	 * RabbitMQ 3.10), so tests of quorum queues publish this way.
	 * @param queue the queue (routing key)
	 * @param bodies message bodies, in publish order
	 */
	public void publishConfirmed(String queue, List<byte[]> bodies) {
		try (com.rabbitmq.client.Connection connection = this.connectionFactory.getRabbitConnectionFactory()
			.newConnection(); var channel = connection.createChannel()) {
			channel.confirmSelect();
			var properties = new AMQP.BasicProperties.Builder().deliveryMode(2)
				.contentType("application/json")
				.build();
			for (byte[] body : bodies) {
				channel.basicPublish("", queue, properties, body);
			}
			channel.waitForConfirmsOrDie(30_000);
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish to " + queue, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param queue a declared queue, with the arguments it was declared with
	 * @return the broker's type of the queue: {@code quorum} or {@code classic}
	 */
	public String typeOf(Queue queue) {
		String probe = "quorum".equals(queue.getArguments().get("x-queue-type")) ? "classic" : "quorum";
		Map<String, Object> arguments = new HashMap<>(queue.getArguments());
		arguments.put("x-queue-type", probe);
		String refusal = refusal(queue.getName(), arguments);
		if (refusal.contains("inequivalent arg 'x-queue-type'")) {
			return refusal.contains("current is 'quorum'") ? "quorum" : "classic";
		}
		throw new IllegalStateException("Queue " + queue.getName() + " accepted type " + probe + ": " + refusal);
	}

	/**
	 * @param name a queue
	 * @param arguments arguments to redeclare it with
	 * @return the broker's refusal, or an empty string if it accepted the declaration
	 */
	public String refusal(String name, Map<String, Object> arguments) {
		try (Connection connection = this.connectionFactory.createConnection();
				var channel = connection.createChannel(false)) {
			channel.queueDeclare(name, true, false, false, arguments);
			return "";
		}
		catch (IOException ex) {
			return String.valueOf(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (String queue : this.declared) {
			this.admin.deleteQueue(queue);
		}
		this.connectionFactory.destroy();
	}

}
