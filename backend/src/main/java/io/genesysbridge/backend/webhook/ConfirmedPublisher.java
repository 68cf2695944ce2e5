package io.genesysbridge.backend.webhook;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a JSON message to a queue through the default exchange, mandatory and persistent,
 * and reports the broker's publisher confirm as a future. Each message is also routed to the
 * {@link PublishLedger}'s queue in the same publish (RabbitMQ's {@code BCC} header, which the
 * broker removes before delivery), so a publish whose confirm is lost can be settled later. The blocking hand-over to the AMQP
 * client runs on a small dedicated pool (never on a Netty event loop); the confirm is awaited
 * without a thread.
 *
 * <p>
 * The future has no timeout of its own: callers bound their wait and let the future settle the
 * outcome later (a late confirm still counts). It completes normally once the broker confirmed
 * a routed message, and exceptionally with {@link PublishFailedException} otherwise.
 */
class ConfirmedPublisher implements AutoCloseable {

	private static final String APP_ID = "genesys-bridge";

	/** Sender-selected distribution: extra queues on the same exchange, hidden from consumers. */
	private static final String BCC = "BCC";

	private final RabbitTemplate template;

	private final ExecutorService executor;

	private final WebhookMetrics metrics;

	private final String ledgerQueue;

	ConfirmedPublisher(RabbitTemplate template, ExecutorService executor, WebhookMetrics metrics, String ledgerQueue) {
		this.template = template;
		this.executor = executor;
		this.metrics = metrics;
		this.ledgerQueue = ledgerQueue;
	}

	/**
	 * @param queue the queue (routing key on the default exchange)
	 * @param integrationId the integration the payload came from (the ledger needs it to find the
	 * payload's dedupe record)
	 * @param messageId the AMQP {@code message_id}: the Genesys payload id, so consumers can spot
	 * the rare duplicate of an ambiguous publish
	 * @param body the JSON body
	 * @return completes when the broker confirmed; exceptionally if it did not take the message
	 */
	CompletableFuture<Void> publish(String queue, String integrationId, String messageId, byte[] body) {
		long start = System.nanoTime();
		CorrelationData correlation = new CorrelationData(messageId + "/" + UUID.randomUUID());
		CompletableFuture<Void> sent;
		try {
			sent = CompletableFuture.runAsync(() -> this.template.send("", queue, message(integrationId, messageId, body), correlation),
					this.executor);
		}
		catch (RejectedExecutionException saturated) {
			sent = CompletableFuture.failedFuture(new PublishFailedException("publish.saturated", false, saturated));
		}
		return sent
			.exceptionallyCompose((ex) -> CompletableFuture.failedFuture(asSendFailure(unwrap(ex))))
			.thenCompose((ignored) -> correlation.getFuture())
			.thenAccept((confirm) -> check(correlation, confirm))
			.whenComplete((ok, ex) -> this.metrics.published(queue, (ex != null) ? reasonOf(unwrap(ex)) : "confirmed",
					System.nanoTime() - start));
	}

	private static void check(CorrelationData correlation, CorrelationData.Confirm confirm) {
		if (correlation.getReturned() != null) {
			throw new PublishFailedException("publish.returned", false, null);
		}
		if (!confirm.ack()) {
			// Spring nacks pending confirms itself, with a reason, when the channel or connection
			// closes; the broker's own nack has none.
			boolean lost = confirm.reason() != null;
			throw new PublishFailedException(lost ? "publish.connection-lost" : "publish.nacked", lost, null);
		}
	}

	private Message message(String integrationId, String messageId, byte[] body) {
		MessageProperties properties = new MessageProperties();
		properties.setHeader(BCC, List.of(this.ledgerQueue));
		properties.setHeader(PublishLedger.INTEGRATION_HEADER, integrationId);
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(messageId);
		properties.setAppId(APP_ID);
		properties.setTimestamp(new Date());
		return new Message(body, properties);
	}

	private static Throwable asSendFailure(Throwable ex) {
		return (ex instanceof PublishFailedException) ? ex : new PublishFailedException("publish.send-failed", false, ex);
	}

	static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while (current instanceof CompletionException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	private static String reasonOf(Throwable ex) {
		return (ex instanceof PublishFailedException failed) ? failed.reason() : "publish.error";
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
