package io.genesysbridge.backend.receipt;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.genesys.OpenInboundReceipt;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.system.LogMasking;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Turns one status event into at most one Genesys receipt: {@code delivered} and {@code failed}
 * become {@code Delivered} / {@code Failed} receipts, {@code read} only advances the recorded
 * status, anything not above the recorded status is dropped. The integration and customer come
 * from the event or, failing that, from the {@link AgentMessageMemory}. Runs on the listener
 * thread and waits within {@code attemptTimeout}, so binder retry and DLQ see every failure.
 */
class ReceiptProcessor {

	private static final Log logger = LogFactory.getLog(ReceiptProcessor.class);

	private final StatusEventParser parser;

	private final TenantDirectory tenants;

	private final AgentMessageMemory memory;

	private final ReceiptProgress progress;

	private final GenesysClient genesys;

	private final ReceiptProperties properties;

	private final ReceiptMetrics metrics;

	ReceiptProcessor(StatusEventParser parser, TenantDirectory tenants, AgentMessageMemory memory,
			ReceiptProgress progress, GenesysClient genesys, ReceiptProperties properties, ReceiptMetrics metrics) {
		this.parser = parser;
		this.tenants = tenants;
		this.memory = memory;
		this.progress = progress;
		this.genesys = genesys;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * @param body the raw status event
	 */
	void process(byte[] body) {
		StatusEvent event = this.parser.parse(body);
		LogContext.put(event.tenantId(), (event.originalMessageId() != null) ? event.originalMessageId() : "",
				event.genesysId());
		ReceiptStatus status = ReceiptStatus.of(event.status());
		if (status == null) {
			this.metrics.skipped("other", "status.unsupported");
			return;
		}
		tenant(event.tenantId()).flatMap((tenant) -> handle(tenant, event, status))
			.timeout(this.properties.attemptTimeout())
			.block();
	}

	private Mono<Void> handle(Tenant tenant, StatusEvent event, ReceiptStatus status) {
		if (status.genesysStatus() == null) {
			return underClaim(event, status, Mono.empty()).doOnSuccess((sent) -> {
				if (Boolean.TRUE.equals(sent)) {
					this.metrics.skipped(status.code(), "no-receipt");
				}
			}).then();
		}
		return recipient(tenant, event)
			.flatMap((recipient) -> underClaim(event, status, send(tenant, recipient, event, status)))
			.doOnSuccess((sent) -> {
				if (Boolean.TRUE.equals(sent)) {
					this.metrics.sent(status);
					logSent(event, status);
				}
			})
			.then();
	}

	/**
	 * Runs the action while holding the message's status lock, recording the status after it.
	 * @return true if the action ran, false if the status was stale
	 */
	private Mono<Boolean> underClaim(StatusEvent event, ReceiptStatus status, Mono<Void> action) {
		return this.progress.claim(event.genesysId(), status).flatMap((claim) -> switch (claim.state()) {
			case STALE -> {
				this.metrics.stale(status);
				logStale(event, status, claim.recorded());
				yield Mono.just(false);
			}
			case BUSY -> Mono.error(new StatusInFlightException());
			case CLAIMED -> action.then(this.progress.commit(claim))
				.thenReturn(true)
				.onErrorResume((ex) -> this.progress.release(claim).then(Mono.error(ex)))
				.doOnCancel(() -> this.progress.release(claim).subscribe());
		});
	}

	private Mono<Void> send(Tenant tenant, Recipient recipient, StatusEvent event, ReceiptStatus status) {
		boolean failed = status == ReceiptStatus.FAILED;
		OpenInboundReceipt receipt = new OpenInboundReceipt(event.genesysId(),
				new OpenInboundReceipt.Channel(new OpenInboundReceipt.Recipient(recipient.customerId(),
						recipient.customerIdType()), event.time().truncatedTo(ChronoUnit.MILLIS).toString()),
				String.valueOf(status.genesysStatus()),
				failed ? List.of(FailureReasons.toReason(event.reason(), this.properties.reasonMaxLength())) : List.of(),
				failed ? Boolean.TRUE : null);
		return this.genesys.sendReceipt(tenant, recipient.integrationId(), receipt);
	}

	private Mono<Tenant> tenant(String tenantId) {
		return this.tenants.find(tenantId)
			.switchIfEmpty(Mono.error(() -> new RejectedStatusException("receipt.tenant.unknown",
					"tenant " + tenantId + " is not known")))
			.filter(Tenant::enabled)
			.switchIfEmpty(Mono.error(() -> new RejectedStatusException("receipt.tenant.disabled",
					"tenant " + tenantId + " is disabled")));
	}

	/**
	 * Integration and customer of the agent message: the event's own fields first, the memory of
	 * the webhook second, the tenant's default integration last.
	 */
	private Mono<Recipient> recipient(Tenant tenant, StatusEvent event) {
		return this.memory.recall(event.genesysId())
			.map((remembered) -> recipient(tenant, event, remembered))
			.switchIfEmpty(Mono.fromSupplier(() -> recipient(tenant, event, null)));
	}

	private static Recipient recipient(Tenant tenant, StatusEvent event, @Nullable AgentMessage remembered) {
		if (remembered != null && !remembered.tenantId().equals(tenant.id())) {
			throw new RejectedStatusException("receipt.tenant.mismatch",
					"the agent message belongs to tenant " + remembered.tenantId());
		}
		String integrationId = firstNonNull(event.integrationId(),
				(remembered != null) ? remembered.integrationId() : null, tenant.defaultIntegrationId());
		if (integrationId == null || !tenant.ownsIntegration(integrationId)) {
			throw new RejectedStatusException("receipt.integration.unknown",
					"no integration of tenant " + tenant.id() + " is known for this message");
		}
		String customerId = firstNonNull(event.toId(), (remembered != null) ? remembered.customerId() : null, null);
		if (customerId == null) {
			throw new RejectedStatusException("receipt.recipient.unknown",
					"the event has no to_id and the agent message is not remembered");
		}
		String idType = (remembered != null && customerId.equals(remembered.customerId()))
				? remembered.customerIdType() : null;
		return new Recipient(integrationId, customerId, idType);
	}

	private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second,
			@Nullable String third) {
		return (first != null) ? first : (second != null) ? second : third;
	}

	private static void logSent(StatusEvent event, ReceiptStatus status) {
		if (logger.isDebugEnabled()) {
			logger.debug("Sent " + status.genesysStatus() + " receipt for Genesys message " + event.genesysId()
					+ " of tenant " + event.tenantId() + " to " + LogMasking.mask(event.toId()));
		}
	}

	private static void logStale(StatusEvent event, ReceiptStatus status, @Nullable String recorded) {
		if (logger.isDebugEnabled()) {
			logger.debug("Dropped status " + status.code() + " of Genesys message " + event.genesysId()
					+ ": already at " + recorded);
		}
	}

	/**
	 * Where a receipt goes.
	 *
	 * @param integrationId the integration of the agent message
	 * @param customerId the customer it was sent to
	 * @param customerIdType the customer's id type, if known
	 */
	record Recipient(String integrationId, String customerId, @Nullable String customerIdType) {
	}

}
