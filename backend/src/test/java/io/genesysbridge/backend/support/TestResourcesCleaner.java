package io.genesysbridge.backend.support;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes this run's queues, exchanges and Redis keys when the test context closes. Its phase
 * is the lowest, so it stops last: after the bindings stopped consuming.
 */
public class TestResourcesCleaner implements SmartLifecycle {

	private final ConnectionFactory connectionFactory;

	private volatile boolean running;

	public TestResourcesCleaner(ConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		RabbitAdmin admin = new RabbitAdmin(this.connectionFactory);
		for (String queue : new String[] { TestRun.INBOUND_QUEUE, TestRun.WORK_QUEUE, TestRun.CORRELATION_QUEUE,
				TestRun.DEAD_LETTER_QUEUE }) {
			admin.deleteQueue(queue);
		}
		for (String tier : TestRun.DELAY_TIERS) {
			admin.deleteQueue(TestRun.DELAY_QUEUE_PREFIX + DurationStyle.detectAndParse(tier).toMillis());
		}
		for (String exchange : new String[] { TestRun.INBOUND_QUEUE, TestRun.WORK_QUEUE, TestRun.CORRELATION_QUEUE,
				TestRun.DEAD_LETTER_EXCHANGE }) {
			admin.deleteExchange(exchange);
		}
		// webhook outputs (no exchange), receipts and typing inputs (with the binder's exchange)
		for (String queue : new String[] { TestRun.OUTBOUND_MESSAGES_QUEUE, TestRun.STATUS_UPDATES_QUEUE,
				TestRun.WEBHOOK_LEDGER_QUEUE, TestRun.STATUS_PROCESSED_QUEUE, TestRun.TYPING_QUEUE }) {
			admin.deleteQueue(queue);
		}
		admin.deleteExchange(TestRun.STATUS_PROCESSED_QUEUE);
		admin.deleteExchange(TestRun.TYPING_QUEUE);
		try (LocalRedis redis = LocalRedis.connect()) {
			redis.deleteMatching("it:" + TestRun.ID + ":*");
			redis.deleteMatching("tenant:it-" + TestRun.ID + "-*");
			redis.deleteMatching("genesys:dedupe:it-" + TestRun.ID + "-*");
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

}
