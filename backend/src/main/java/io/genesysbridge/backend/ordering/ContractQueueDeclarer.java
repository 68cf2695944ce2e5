package io.genesysbridge.backend.ordering;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.SmartLifecycle;

import io.genesysbridge.backend.system.QueueTypeProperties;

/**
 * Makes sure the contract queue exists before the sequencer consumes it: an existing queue is
 * used as it is, whatever its arguments (the platform may have declared it), and a missing one
 * is created durable, of the configured {@link QueueTypeProperties type}.
 *
 * <p>
 * Only one sequencer may read the contract queue at a time, or two replicas number one
 * conversation's messages out of order. A classic queue enforces that through the sequencer's
 * exclusive consumer. A quorum queue does not, so a missing one is declared with single active
 * consumer; and with {@code app.queues.type=quorum} an existing one is checked for it, with an
 * error logged when it lacks it.
 */
final class ContractQueueDeclarer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ContractQueueDeclarer.class);

	private final ConnectionFactory connectionFactory;

	private final String queue;

	private final QueueTypeProperties queueTypes;

	private volatile boolean running;

	ContractQueueDeclarer(ConnectionFactory connectionFactory, String queue, QueueTypeProperties queueTypes) {
		this.connectionFactory = connectionFactory;
		this.queue = queue;
		this.queueTypes = queueTypes;
	}

	@Override
	public void start() {
		try {
			Found found = declareOrInspect();
			if (found == Found.QUORUM_WITHOUT_SINGLE_ACTIVE_CONSUMER) {
				logger.error("Contract queue " + this.queue + " is a quorum queue without x-single-active-consumer:"
						+ " quorum queues ignore consumer exclusivity, so with more than one replica several"
						+ " sequencers read it and per-conversation order is lost. Redeclare it with"
						+ " x-single-active-consumer=true (docs/scale-out.md) or run one replica");
			}
		}
		catch (IOException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not check or declare contract queue " + this.queue + ": " + ex.getMessage()
					+ "; the sequencer will keep trying to consume it");
		}
		this.running = true;
	}

	/**
	 * Declares the queue if it is missing; otherwise, for quorum, checks how it was declared.
	 * @return what was found
	 * @throws IOException if the broker cannot be reached
	 * @throws TimeoutException if the broker does not answer
	 */
	Found declareOrInspect() throws IOException, TimeoutException {
		try (Connection connection = this.connectionFactory.createConnection()) {
			if (!exists(connection)) {
				Map<String, Object> arguments = this.queueTypes.singleConsumerArguments();
				try (var channel = connection.createChannel(false)) {
					channel.queueDeclare(this.queue, true, false, false, arguments);
				}
				logger.info("Declared contract queue " + this.queue + (arguments.isEmpty() ? "" : " " + arguments));
				return Found.DECLARED;
			}
			return this.queueTypes.quorum() ? inspect(connection) : Found.EXISTING;
		}
	}

	/**
	 * Redeclares the queue as a single-active-consumer quorum queue, which the broker accepts
	 * only if it is one; otherwise it names the first argument that differs (it compares single
	 * active consumer before the type). If that was the single active consumer, a second try as
	 * a plain quorum queue tells a quorum queue without it from a classic queue.
	 */
	private Found inspect(Connection connection) {
		String refusal = refusal(connection, this.queueTypes.singleConsumerArguments());
		if (refusal.contains("'x-single-active-consumer'")) {
			refusal = refusal(connection, Map.of("x-queue-type", "quorum"));
			if (refusal.isEmpty()) {
				return Found.QUORUM_WITHOUT_SINGLE_ACTIVE_CONSUMER;
			}
		}
		if (refusal.contains("'x-queue-type'")) {
			logger.info("Contract queue " + this.queue + " is a classic queue, which the sequencer's exclusive"
					+ " consumer keeps to one reader (the PRECONDITION_FAILED channel errors just logged come from"
					+ " this check)");
		}
		else if (!refusal.isEmpty()) {
			logger.info("Could not tell whether contract queue " + this.queue
					+ " has a single active consumer (it has other arguments): " + refusal);
		}
		return Found.EXISTING;
	}

	/**
	 * @return the broker's refusal of the declaration, or an empty string if it accepted it
	 */
	private String refusal(Connection connection, Map<String, Object> arguments) {
		try (var channel = connection.createChannel(false)) {
			channel.queueDeclare(this.queue, true, false, false, arguments);
			return "";
		}
		catch (IOException | TimeoutException refused) {
			return String.valueOf(refused.getCause());
		}
	}

	private boolean exists(Connection connection) throws IOException, TimeoutException {
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

	/**
	 * What start-up found.
	 */
	enum Found {

		/** The queue was missing and is now declared. */
		DECLARED,

		/** The queue exists and is used as it is. */
		EXISTING,

		/** The queue is a quorum queue that any number of sequencers would read at once. */
		QUORUM_WITHOUT_SINGLE_ACTIVE_CONSUMER

	}

}
