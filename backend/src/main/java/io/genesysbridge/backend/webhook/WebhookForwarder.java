package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.time.Duration;
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
 * A confirm lost with its connection leaves the claim uncertain; the retry then asks the
 * {@link PublishLedger} whether the broker holds the message before it publishes again.
 */
class WebhookForwarder {

	private static final Log logger = LogFactory.getLog(WebhookForwarder.class);

	private final WebhookDeduplicator dedupe;

	private final AgentMessageMemory memory;

	private final ConfirmedPublisher publisher;

	private final WebhookProperties properties;

	private final WebhookMetrics metrics;

	private final PublishLedger ledger;

	private final Clock clock;

	WebhookForwarder(WebhookDeduplicator dedupe, AgentMessageMemory memory, ConfirmedPublisher publisher,
			PublishLedger ledger, WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
		this.dedupe = dedupe;
		this.memory = memory;
		this.publisher = publisher;
		this.ledger = ledger;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
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
				case PUBLISHED -> Mono.just(duplicate());
				case IN_FLIGHT -> Mono.just(WebhookResult.of(WebhookOutcome.IN_FLIGHT, "payload.in-flight"));
				case CLAIMED, UNAVAILABLE -> rememberAndPublish(claim, queue, notification, body, message);
				case UNCERTAIN -> settleUncertain(claim, queue, notification, body, message);
			});
	}

	private Mono<WebhookResult> rememberAndPublish(WebhookDeduplicator.Claim claim, String queue,
			WebhookNotification notification, byte[] body, @Nullable AgentMessage message) {
		return remember(message).then(Mono.defer(() -> publish(claim, queue, notification, body, message)));
	}

	/**
	 * An earlier publish of this payload lost its confirm: give frames still in flight then
	 * {@code ledgerSettleDelay} to land, drain the ledger, and publish only if the broker never
	 * took the payload. If the ledger cannot be drained the answer is 503 and Genesys retries.
	 */
	private Mono<WebhookResult> settleUncertain(WebhookDeduplicator.Claim claim, String queue,
			WebhookNotification notification, byte[] body, @Nullable AgentMessage message) {
		long settleMillis = claim.uncertainSince() + this.properties.ledgerSettleDelay().toMillis()
				- this.clock.millis();
		return Mono.delay(Duration.ofMillis(Math.max(0, settleMillis)))
			.then(this.ledger.drain())
			.then(Mono.defer(() -> this.dedupe.reclaim(claim)))
			.flatMap((settled) -> switch (settled.state()) {
				case PUBLISHED -> {
					this.metrics.ledgerSettled("in-queue");
					yield Mono.just(duplicate());
				}
				case CLAIMED -> {
					this.metrics.ledgerSettled("not-in-queue");
					logger.info("Webhook payload " + notification.id() + " was not taken by RabbitMQ before its "
							+ "connection closed; publishing it now");
					yield rememberAndPublish(settled, queue, notification, body, message);
				}
				case IN_FLIGHT -> Mono.just(WebhookResult.of(WebhookOutcome.IN_FLIGHT, "payload.in-flight"));
				case UNAVAILABLE, UNCERTAIN -> Mono.just(WebhookResult.of(WebhookOutcome.UNAVAILABLE, "ledger.unavailable"));
			})
			.onErrorResume((ex) -> {
				this.metrics.ledgerSettled("failed");
				logger.info("Could not settle the uncertain publish of webhook payload " + notification.id() + " ("
						+ ex.getClass().getSimpleName() + "); answering 503 so that Genesys retries");
				return Mono.just(WebhookResult.of(WebhookOutcome.UNAVAILABLE, "ledger.unavailable"));
			});
	}

	private static WebhookResult duplicate() {
		return WebhookResult.of(WebhookOutcome.DUPLICATE, "payload.published");
	}

	private Mono<WebhookResult> publish(WebhookDeduplicator.Claim claim, String queue,
			WebhookNotification notification, byte[] body, @Nullable AgentMessage message) {
		CompletableFuture<WebhookResult> settled = this.publisher.publish(queue, notification.integrationId(), notification.id(), body)
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
					+ "; answering 503, and Genesys's retry checks the publish ledger before publishing again");
			return this.dedupe.markUncertain(claim).thenReturn(WebhookResult.of(WebhookOutcome.UNAVAILABLE, reason));
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
