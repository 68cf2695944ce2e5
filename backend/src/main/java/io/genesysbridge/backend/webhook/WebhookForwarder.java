package io.genesysbridge.backend.webhook;

import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.receipt.AgentMessage;
import io.genesysbridge.backend.receipt.AgentMessageMemory;
import io.genesysbridge.backend.system.LogMasking;

/**
 * Forwards an authenticated notification to its queue once per payload id: claim the id,
 * remember an agent message for its receipts, publish, and settle the claim with the broker's
 * answer. Answers {@code PUBLISHED} only for a confirmed publish, {@code DUPLICATE} for an id
 * published before, 503 outcomes otherwise (Genesys retries).
 *
 * <p>
 * The claim is settled whenever the publish outcome becomes known, even after the request
 * stopped waiting ({@code publishTimeout}): a late confirm marks the payload published (the
 * retry then gets a duplicate 200), a late failure releases the claim (the retry publishes).
 */
class WebhookForwarder {

	private static final Log logger = LogFactory.getLog(WebhookForwarder.class);

	private final WebhookDeduplicator dedupe;

	private final AgentMessageMemory memory;

	private final ConfirmedPublisher publisher;

	private final WebhookProperties properties;

	private final WebhookMetrics metrics;

	WebhookForwarder(WebhookDeduplicator dedupe, AgentMessageMemory memory, ConfirmedPublisher publisher,
			WebhookProperties properties, WebhookMetrics metrics) {
		this.dedupe = dedupe;
		this.memory = memory;
		this.publisher = publisher;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * @param notification the authenticated notification
	 * @param queue where its envelope goes
	 * @param body the envelope's JSON
	 * @param message the agent message to remember, or null for a status update
	 * @return the outcome; never an error
	 */
	Mono<WebhookResult> forward(WebhookNotification notification, String queue, byte[] body,
			@Nullable AgentMessage message) {
		return this.dedupe.claim(notification.integrationId(), notification.id())
			.flatMap((claim) -> switch (claim.state()) {
				case PUBLISHED -> Mono.just(WebhookResult.of(WebhookOutcome.DUPLICATE, "payload.published"));
				case IN_FLIGHT -> Mono.just(WebhookResult.of(WebhookOutcome.IN_FLIGHT, "payload.in-flight"));
				case CLAIMED, UNAVAILABLE -> remember(message)
					.then(Mono.defer(() -> publish(claim, queue, notification, body, message)));
			});
	}

	private Mono<WebhookResult> publish(WebhookDeduplicator.Claim claim, String queue,
			WebhookNotification notification, byte[] body, @Nullable AgentMessage message) {
		CompletableFuture<WebhookResult> settled = this.publisher.publish(queue, notification.id(), body)
			.handle((ok, ex) -> (ex != null) ? ConfirmedPublisher.unwrap(ex) : null)
			.thenCompose((failure) -> settle(claim, notification, failure, message).toFuture());
		return Mono.fromFuture(settled, true)
			.timeout(this.properties.publishTimeout(),
					Mono.fromSupplier(() -> WebhookResult.of(WebhookOutcome.UNAVAILABLE, "publish.timeout")));
	}

	private Mono<WebhookResult> settle(WebhookDeduplicator.Claim claim, WebhookNotification notification,
			@Nullable Throwable failure, @Nullable AgentMessage message) {
		if (failure == null) {
			logPublished(notification, message);
			return this.dedupe.markPublished(claim).thenReturn(WebhookResult.of(WebhookOutcome.PUBLISHED, "none"));
		}
		String reason = (failure instanceof PublishFailedException failed) ? failed.reason() : "publish.error";
		if (failure instanceof PublishFailedException failed && failed.isAmbiguous()) {
			logger.warn("The connection to RabbitMQ closed before the confirm of webhook payload " + notification.id()
					+ "; Genesys's retry publishes it again, so its consumer may see message_id "
					+ notification.id() + " twice");
		}
		else {
			logger.info("Could not publish webhook payload " + notification.id() + " (" + reason
					+ "); answering 503 so that Genesys retries");
		}
		return this.dedupe.release(claim).thenReturn(WebhookResult.of(WebhookOutcome.UNAVAILABLE, reason));
	}

	private Mono<Void> remember(@Nullable AgentMessage message) {
		if (message == null) {
			return Mono.empty();
		}
		return this.memory.remember(message).onErrorResume((ex) -> {
			this.metrics.memoryUnavailable();
			logger.warn("Could not remember agent message " + message.genesysId() + " for its receipts ("
					+ ex.getClass().getSimpleName() + "); publishing it anyway");
			return Mono.empty();
		});
	}

	private static void logPublished(WebhookNotification notification, @Nullable AgentMessage message) {
		if (logger.isDebugEnabled()) {
			logger.debug("Published webhook payload " + notification.id() + " of integration "
					+ notification.integrationId()
					+ ((message != null) ? " for " + LogMasking.mask(message.customerId()) : ""));
		}
	}

}
