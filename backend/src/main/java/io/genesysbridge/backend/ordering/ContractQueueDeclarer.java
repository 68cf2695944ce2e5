package io.genesysbridge.backend.ordering;

import java.io.IOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Makes sure the contract queue exists before the sequencer consumes it: an existing queue is
 * used as it is, whatever its arguments (the platform may have declared it), and a missing one
 * is created durable with no arguments.
 */
final class ContractQueueDeclarer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ContractQueueDeclarer.class);

	private final ConnectionFactory connectionFactory;

	private final String queue;

	private volatile boolean running;

	ContractQueueDeclarer(ConnectionFactory connectionFactory, String queue) {
		this.connectionFactory = connectionFactory;
		this.queue = queue;
	}

	@Override
	public void start() {
		try (Connection connection = this.connectionFactory.createConnection()) {
			if (!exists(connection)) {
				try (var channel = connection.createChannel(false)) {
					channel.queueDeclare(this.queue, true, false, false, null);
					logger.info("Declared contract queue " + this.queue);
				}
			}
		}
		catch (IOException | java.util.concurrent.TimeoutException | RuntimeException ex) {
			logger.warn("Could not check or declare contract queue " + this.queue + ": " + ex.getMessage()
					+ "; the sequencer will keep trying to consume it");
		}
		this.running = true;
	}

	private boolean exists(Connection connection) throws IOException, java.util.concurrent.TimeoutException {
		try (var channel = connection.createChannel(false)) {
			channel.queueDeclarePassive(this.queue);
			return true;
		}
		catch (IOException notFound) {
			return false;
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1;
	}

}
