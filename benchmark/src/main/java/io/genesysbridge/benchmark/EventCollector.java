package io.genesysbridge.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/**
 * Consumes a correlation-event queue (the processor's or the bare loop's) and stamps each
 * event's arrival on its {@link Tracker}, found by the tag in the AMQP {@code correlation_id}
 * ({@code <tag>:<n>}, the envelope's {@code metadata.correlationId}).
 */
final class EventCollector implements AutoCloseable {

	private static final Pattern BODY_CORRELATION = Pattern.compile("\"correlationId\"\\s*:\\s*\"([^\"]+)\"");

	private final Channel channel;

	private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

	private final AtomicLong unknown = new AtomicLong();

	EventCollector(Connection connection, String queue) throws IOException {
		this.channel = connection.createChannel();
		this.channel.basicQos(2000);
		this.channel.basicConsume(queue, true, new DefaultConsumer(this.channel) {
			@Override
			public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
					byte[] body) {
				arrived(System.nanoTime(), properties.getCorrelationId(), body);
			}
		});
	}

	void track(Tracker tracker) {
		this.trackers.put(tracker.tag(), tracker);
	}

	long unknownEvents() {
		return this.unknown.get();
	}

	private void arrived(long now, String correlationId, byte[] body) {
		String id = correlationId;
		if (id == null) {
			Matcher matcher = BODY_CORRELATION.matcher(new String(body, StandardCharsets.UTF_8));
			id = matcher.find() ? matcher.group(1) : null;
		}
		int colon = (id != null) ? id.indexOf(':') : -1;
		Tracker tracker = (colon > 0) ? this.trackers.get(id.substring(0, colon)) : null;
		if (tracker == null) {
			this.unknown.incrementAndGet();
			return;
		}
		try {
			tracker.received(Integer.parseInt(id.substring(colon + 1)), now);
		}
		catch (NumberFormatException ex) {
			this.unknown.incrementAndGet();
		}
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			// closing anyway
		}
	}

}
