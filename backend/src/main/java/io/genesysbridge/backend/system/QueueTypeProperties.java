package io.genesysbridge.backend.system;

import java.util.Map;

import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The type of every queue the bridge declares itself: the contract queue when it is missing, the
 * delay tiers, the webhook output queues and the publish ledger. The queues the binder declares
 * (work queue, receipts, typing, correlation events, the dead-letter queue) follow the binder's
 * own {@code quorum.enabled} and {@code dlq-quorum.enabled} settings instead (docs/scale-out.md).
 *
 * <p>
 * Operational consequence: RabbitMQ refuses to redeclare an existing queue with another type
 * ({@code PRECONDITION_FAILED}), so switching the type of a running installation needs new
 * queue names or drained and deleted queues; docs/scale-out.md has the procedure.
 *
 * @param type {@code classic} (the default: queues are declared exactly as before, without a
 * type argument) or {@code quorum} (replicated Raft queues; needs RabbitMQ 3.10 or newer, for
 * message TTL and at-least-once dead-lettering)
 */
@Validated
@ConfigurationProperties("app.queues")
public record QueueTypeProperties(@DefaultValue("classic") Type type) {

	static final String QUEUE_TYPE = "x-queue-type";

	static final String SINGLE_ACTIVE_CONSUMER = "x-single-active-consumer";

	static final String DEAD_LETTER_STRATEGY = "x-dead-letter-strategy";

	/**
	 * @return whether queues are declared as quorum queues
	 */
	public boolean quorum() {
		return this.type == Type.QUORUM;
	}

	/**
	 * @param name the queue
	 * @return a builder for a durable queue of the configured type
	 */
	public QueueBuilder durable(String name) {
		QueueBuilder builder = QueueBuilder.durable(name);
		return quorum() ? builder.quorum() : builder;
	}

	/**
	 * Makes a queue that dead-letters (a delay tier) do so safely: a quorum queue dead-letters
	 * at most once unless told otherwise, and an expired message lost on its way back to the
	 * work queue would be lost for good. At-least-once needs {@code reject-publish} overflow.
	 * Classic queues are left as they are.
	 * @param builder a builder from {@link #durable(String)}
	 * @return the same builder
	 */
	public QueueBuilder deadLetterAtLeastOnce(QueueBuilder builder) {
		return quorum() ? builder.overflow(QueueBuilder.Overflow.rejectPublish)
			.withArgument(DEAD_LETTER_STRATEGY, "at-least-once") : builder;
	}

	/**
	 * Arguments for a queue that must have one consumer at a time (the contract queue the
	 * sequencer reads). A classic queue gets none: the sequencer's exclusive consumer is
	 * enough there. A quorum queue does not enforce consumer exclusivity (RabbitMQ 3.10 accepts
	 * a second exclusive consumer), so it is declared with single active consumer.
	 * @return arguments for {@code queue.declare}; empty for classic
	 */
	public Map<String, Object> singleConsumerArguments() {
		return quorum() ? Map.of(QUEUE_TYPE, "quorum", SINGLE_ACTIVE_CONSUMER, true) : Map.of();
	}

	/**
	 * The queue types.
	 */
	public enum Type {

		/** RabbitMQ's classic queue, declared without a type argument. */
		CLASSIC,

		/** A replicated quorum queue ({@code x-queue-type=quorum}). */
		QUORUM

	}

}
