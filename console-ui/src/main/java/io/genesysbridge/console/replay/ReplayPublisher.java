package io.genesysbridge.console.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import io.genesysbridge.console.deadletter.DeadLetter;
import io.genesysbridge.console.deadletter.DeadLetterHeaderNames;
import io.genesysbridge.console.deadletter.DeadLetterProperties;

/**
 * Publishes a dead letter's original body back to its input queue (default exchange,
 * routing key = queue name), persistent, {@code application/json}, mandatory, and waits
 * for the broker's publisher confirm. Failure headers, death records, order numbers and
 * deferral bookkeeping are dropped; {@code x-bridge-first-failure-at} and
 * {@code x-bridge-delivered} travel on, {@code x-bridge-replays} is incremented, and the
 * dead-letter id rides along so a message that fails again returns to its own record.
 */
class ReplayPublisher {

	static final String INBOUND = "inbound";

	private final RabbitTemplate rabbit;

	private final DeadLetterProperties deadLetters;

	private final ReplayProperties properties;

	ReplayPublisher(RabbitTemplate rabbit, DeadLetterProperties deadLetters, ReplayProperties properties) {
		this.rabbit = rabbit;
		this.deadLetters = deadLetters;
		this.properties = properties;
	}

	/**
	 * @param deadLetter the letter to send again
	 * @param token its replay claim's token
	 * @return how the broker answered
	 */
	Published publish(DeadLetter deadLetter, String token) {
		String queue = target(deadLetter);
		CorrelationData confirm = new CorrelationData(token);
		try {
			this.rabbit.send("", queue, message(deadLetter, token), confirm);
			CorrelationData.Confirm answer = confirm.getFuture()
				.get(this.properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
			ReturnedMessage returned = confirm.getReturned();
			if (returned != null) {
				return new Published(Published.Outcome.REFUSED,
						"queue " + queue + " refused it: " + returned.getReplyText() + " (does the queue exist?)");
			}
			if (!answer.ack()) {
				return new Published(Published.Outcome.REFUSED,
						"the broker did not confirm it: " + String.valueOf(answer.reason()));
			}
			return new Published(Published.Outcome.CONFIRMED, queue);
		}
		catch (TimeoutException ex) {
			return new Published(Published.Outcome.UNCERTAIN,
					"no confirm within " + this.properties.confirmTimeout() + "; recovery will finish it");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Published(Published.Outcome.UNCERTAIN, "interrupted while waiting for the confirm");
		}
		catch (ExecutionException | AmqpException ex) {
			return new Published(Published.Outcome.REFUSED, "could not publish: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * @param deadLetter a dead letter
	 * @return the queue a replay publishes it to
	 */
	String target(DeadLetter deadLetter) {
		String kind = deadLetter.summary().kind();
		return (kind.isEmpty() || INBOUND.equals(kind)) ? this.deadLetters.inputQueue() : kind;
	}

	private static Message message(DeadLetter deadLetter, String token) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		Map<String, Object> kept = deadLetter.properties();
		if (kept.get("messageId") instanceof String messageId) {
			properties.setMessageId(messageId);
		}
		if (kept.get("correlationId") instanceof String correlationId) {
			properties.setCorrelationId(correlationId);
		}
		Map<String, Object> headers = new LinkedHashMap<>(deadLetter.headers());
		DeadLetterHeaderNames.DROPPED_ON_REPLAY.forEach(headers::remove);
		headers.put(DeadLetterHeaderNames.REPLAYS, deadLetter.summary().replays() + 1);
		headers.put(DeadLetterHeaderNames.DEAD_LETTER_ID, deadLetter.id());
		headers.put(DeadLetterHeaderNames.REPLAY_ID, token);
		headers.forEach(properties::setHeader);
		return new Message(deadLetter.payload(), properties);
	}

	/**
	 * The broker's answer to one replay publish.
	 *
	 * @param outcome confirmed, refused, or unknown
	 * @param detail the target queue when confirmed, else why not
	 */
	record Published(Outcome outcome, String detail) {

		enum Outcome {

			/** Confirmed by the broker and routed to the queue. */
			CONFIRMED,

			/** Refused (nack, unroutable, connection error): certainly not enqueued. */
			REFUSED,

			/** No answer in time: it may or may not be enqueued. */
			UNCERTAIN

		}

	}

}
