package io.genesysbridge.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

/**
 * The harness's own, plain amqp-client side of RabbitMQ: publishing (persistent, with
 * publisher confirms, like the platform's producers), queue administration and dead-letter
 * counting. Never shared with the processor's connections.
 */
final class Broker implements AutoCloseable {

	private final ConnectionFactory factory;

	private final Connection admin;

	Broker(String host, int port, String username, String password) throws IOException, TimeoutException {
		this.factory = new ConnectionFactory();
		this.factory.setHost(host);
		this.factory.setPort(port);
		this.factory.setUsername(username);
		this.factory.setPassword(password);
		this.factory.setAutomaticRecoveryEnabled(false);
		this.admin = this.factory.newConnection("benchmark-admin");
	}

	Connection newConnection(String name) throws IOException, TimeoutException {
		return this.factory.newConnection(name);
	}

	void declareQueue(String queue) throws IOException, TimeoutException {
		try (Channel channel = this.admin.createChannel()) {
			channel.queueDeclare(queue, true, false, false, null);
		}
	}

	/** @return the ready messages of a queue, -1 if it does not exist */
	long messageCount(String queue) {
		try (Channel channel = this.admin.createChannel()) {
			return channel.queueDeclarePassive(queue).getMessageCount();
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			return -1;
		}
	}

	void purge(String queue) {
		try (Channel channel = this.admin.createChannel()) {
			channel.queuePurge(queue);
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			// absent: nothing to purge
		}
	}

	void deleteQueue(String queue) {
		try (Channel channel = this.admin.createChannel()) {
			channel.queueDelete(queue);
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			// already gone
		}
	}

	void deleteExchange(String exchange) {
		try (Channel channel = this.admin.createChannel()) {
			channel.exchangeDelete(exchange);
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			// already gone
		}
	}

	/**
	 * Takes every message off a dead-letter queue and counts them by the bridge's
	 * {@code x-bridge-failure-reason} header.
	 */
	Map<String, Integer> drainDeadLetters(String queue) throws IOException, TimeoutException {
		Map<String, Integer> reasons = new TreeMap<>();
		try (Channel channel = this.admin.createChannel()) {
			GetResponse response;
			while ((response = channel.basicGet(queue, true)) != null) {
				Object reason = (response.getProps().getHeaders() != null)
						? response.getProps().getHeaders().get("x-bridge-failure-reason") : null;
				reasons.merge((reason != null) ? reason.toString() : "(no reason header)", 1, Integer::sum);
			}
		}
		return reasons;
	}

	@Override
	public void close() throws IOException {
		this.admin.close();
	}

	/**
	 * One publishing channel with confirms; use from one thread.
	 */
	static final class Publisher implements AutoCloseable {

		private final Channel channel;

		/** Confirms arrive on the connection's thread; sequence numbers start at 1. */
		private final java.util.concurrent.ConcurrentSkipListSet<Long> outstanding = new java.util.concurrent.ConcurrentSkipListSet<>();

		private final java.util.concurrent.atomic.AtomicInteger nacks = new java.util.concurrent.atomic.AtomicInteger();

		Publisher(Connection connection) throws IOException {
			this.channel = connection.createChannel();
			this.channel.confirmSelect();
			this.channel.addConfirmListener((tag, multiple) -> settle(tag, multiple),
					(tag, multiple) -> this.nacks.addAndGet(settle(tag, multiple)));
		}

		private int settle(long tag, boolean multiple) {
			if (!multiple) {
				return this.outstanding.remove(tag) ? 1 : 0;
			}
			var head = this.outstanding.headSet(tag, true);
			int n = head.size();
			head.clear();
			return n;
		}

		void publish(String queue, byte[] body, String messageId) throws IOException {
			AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
				.contentType("application/json")
				.contentEncoding(StandardCharsets.UTF_8.name())
				.messageId(messageId)
				.build();
			this.outstanding.add(this.channel.getNextPublishSeqNo());
			this.channel.basicPublish("", queue, properties, body);
		}

		/** Waits for every outstanding confirm; fails on a nack or after the timeout. */
		void awaitConfirms(Duration timeout) throws IOException, InterruptedException, TimeoutException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (!this.outstanding.isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new TimeoutException(this.outstanding.size() + " publishes unconfirmed after " + timeout);
				}
				Thread.sleep(1);
			}
			if (this.nacks.get() > 0) {
				throw new IOException(this.nacks.get() + " publishes nacked by the broker");
			}
		}

		private int unconfirmed() {
			return this.outstanding.size();
		}

		/**
		 * Publishes a backlog as fast as the broker confirms it, in windows of 1,000.
		 */
		void preload(String queue, Tracker tracker, int count, IntFunction<byte[]> body)
				throws IOException, InterruptedException, TimeoutException {
			for (int i = 0; i < count; i++) {
				tracker.sent(i, System.nanoTime());
				publish(queue, body.apply(i), tracker.wamid(i));
				if (unconfirmed() >= 2000) {
					awaitConfirms(Duration.ofSeconds(30));
				}
			}
			awaitConfirms(Duration.ofSeconds(30));
		}

		/**
		 * Open-loop publishing at a fixed rate: message {@code i} is due at
		 * {@code start + i / rate}, and its latency counts from that due time, so a stalled
		 * publisher does not hide a slow system (no coordinated omission).
		 * @return messages published
		 */
		int publishAtRate(String queue, Tracker tracker, int firstIndex, int rate, Duration duration,
				IntFunction<byte[]> body, BooleanSupplier stop)
				throws IOException, InterruptedException, TimeoutException {
			long start = System.nanoTime();
			long count = (long) Math.floor(rate * (duration.toNanos() / 1e9));
			double interval = 1e9 / rate;
			int published = 0;
			for (int n = 0; n < count && !stop.getAsBoolean(); n++) {
				long due = start + (long) (n * interval);
				long wait;
				while ((wait = due - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				int index = firstIndex + n;
				tracker.sent(index, due);
				publish(queue, body.apply(index), tracker.wamid(index));
				published++;
			}
			awaitConfirms(Duration.ofSeconds(30));
			return published;
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

}
