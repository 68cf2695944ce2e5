package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.genesysbridge.backend.dedupe.DedupeClaim;
import io.genesysbridge.backend.dedupe.DedupeStore;
import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.genesys.InboundMessageResult;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.system.LogMasking;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Delivers one inbound message: wait for its turn in the conversation (first, so that even a
 * message that then fails validation ends its turn), validate, resolve the tenant, check the
 * tenant is not paused, claim the dedupe key, call Genesys (through its
 * circuit breaker and rate limit), record the delivery and build the correlation event. Runs on
 * the listener thread and waits for the reactive calls within {@code attemptTimeout}, so the
 * binder's retry and DLQ see every failure; a failed attempt gives its dedupe claim back first.
 * Whatever must wait (order, pause, rate limit, open circuit, Genesys 429) comes back as a
 * {@link Outcome.Defer}, not as a failure.
 */
class InboundProcessor {

	private static final Log logger = LogFactory.getLog(InboundProcessor.class);

	static final String STATUS_CREATED = "created";

	/** Set on a message once Genesys accepted it, so retries re-publish its correlation event. */
	static final String DELIVERED_HEADER = "x-bridge-delivered";

	private final InboundValidator validator;

	private final TenantDirectory tenants;

	private final DedupeStore dedupe;

	private final GenesysClient genesys;

	private final InboundProperties properties;

	private final InboundMetrics metrics;

	private final Clock clock;

	private final Turns turns;

	private final Holds holds;

	InboundProcessor(InboundValidator validator, TenantDirectory tenants, DedupeStore dedupe, GenesysClient genesys,
			InboundProperties properties, InboundMetrics metrics, Clock clock, Turns turns, Holds holds) {
		this.validator = validator;
		this.tenants = tenants;
		this.dedupe = dedupe;
		this.genesys = genesys;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
		this.turns = turns;
		this.holds = holds;
	}

	/**
	 * @param message the raw message from the work queue
	 * @return what to do: publish a correlation event, nothing, or defer
	 */
	Outcome process(Message<byte[]> message) {
		Outcome notYet = this.turns.waitFor(message);
		if (notYet != null) {
			return notYet;
		}
		InboundMessage inbound = this.validator.validate(message.getPayload());
		LogContext.put(inbound.metadata().tenantId(), inbound.metadata().whatsappMessageId(),
				inbound.metadata().correlationId());
		Tenant tenant = resolveTenant(inbound.metadata().tenantId());
		String integrationId = integrationFor(tenant, inbound);
		Outcome outcome = this.holds.check(tenant)
			.switchIfEmpty(Mono.defer(() -> deliverOnce(tenant, integrationId, inbound, wasDeliveredBefore(message))))
			.timeout(this.properties.attemptTimeout())
			.block();
		if (outcome instanceof Outcome.Publish publish) {
			stampDelivered(message);
			logPublished(inbound, publish.event());
		}
		else if (outcome instanceof Outcome.Nothing && logger.isDebugEnabled()) {
			logger.debug("Duplicate of delivered " + LogContext.describe() + "; not sent to Genesys again");
		}
		return outcome;
	}

	private Tenant resolveTenant(String tenantId) {
		Tenant tenant = this.tenants.find(tenantId).timeout(this.properties.attemptTimeout()).block();
		if (tenant == null) {
			throw new InvalidMessageException(ValidationRule.TENANT_UNKNOWN);
		}
		if (!tenant.enabled()) {
			throw new InvalidMessageException(ValidationRule.TENANT_DISABLED);
		}
		return tenant;
	}

	private static String integrationFor(Tenant tenant, InboundMessage inbound) {
		String named = inbound.genesysPayload().toId();
		if (named != null && tenant.ownsIntegration(named)) {
			return named;
		}
		if (named != null && !tenant.integrationIds().isEmpty()) {
			throw new InvalidMessageException(ValidationRule.INTEGRATION_UNKNOWN);
		}
		String fallback = tenant.defaultIntegrationId();
		if (fallback == null) {
			throw new InvalidMessageException(ValidationRule.TENANT_NO_INTEGRATION);
		}
		return fallback;
	}

	private Mono<Outcome> deliverOnce(Tenant tenant, String integrationId, InboundMessage inbound,
			boolean repeat) {
		InboundMessage.Metadata meta = inbound.metadata();
		return this.dedupe.claim(meta.tenantId(), meta.whatsappMessageId()).flatMap((claim) -> switch (claim.state()) {
			case DELIVERED -> duplicate(inbound, claim, repeat);
			case IN_FLIGHT -> Mono.error(new DuplicateInFlightException());
			case CLAIMED, UNAVAILABLE -> deliver(tenant, integrationId, inbound, claim);
		});
	}

	private Mono<Outcome> deliver(Tenant tenant, String integrationId, InboundMessage inbound, DedupeClaim claim) {
		return this.genesys.sendInboundMessage(tenant, integrationId, GenesysMessageMapper.toGenesys(inbound))
			.onErrorResume((failure) -> this.dedupe.release(claim).then(Mono.error(failure)))
			.flatMap((result) -> this.dedupe
				.markDelivered(claim, nullToEmpty(result.id()), nullToEmpty(result.conversationId()))
				.thenReturn(result))
			.<Outcome>map((result) -> {
				this.metrics.delivered();
				return new Outcome.Publish(event(inbound, result.id(), result.conversationId()));
			})
			.onErrorResume(Holds::isWait, (failure) -> Mono.just(Holds.deferralFor(failure)));
	}

	/**
	 * A copy of a delivered message is acknowledged without calling Genesys. If this very
	 * message was delivered before (a binder retry or replay after its correlation event could
	 * not be published, or a broker redelivery after a crash) the event is published again, so
	 * it is never lost; another copy from upstream publishes nothing.
	 */
	private Mono<Outcome> duplicate(InboundMessage inbound, DedupeClaim claim, boolean repeat) {
		this.metrics.duplicate();
		if (repeat && claim.genesysMessageId() != null) {
			return Mono.just(new Outcome.Publish(event(inbound, claim.genesysMessageId(), claim.conversationId())));
		}
		return Mono.just(new Outcome.Nothing());
	}

	private CorrelationEvent event(InboundMessage inbound, @Nullable String genesysMessageId,
			@Nullable String conversationId) {
		InboundMessage.Metadata meta = inbound.metadata();
		String now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
		return new CorrelationEvent(meta.tenantId(), emptyToNull(conversationId), null, emptyToNull(genesysMessageId),
				meta.whatsappMessageId(), STATUS_CREATED, now, meta.correlationId());
	}

	static Message<CorrelationEvent> toMessage(CorrelationEvent event) {
		return MessageBuilder.withPayload(event)
			.setHeader(AmqpHeaders.CORRELATION_ID, event.correlationId())
			.setHeader("contentType", "application/json")
			.build();
	}

	/**
	 * Marks the raw AMQP message as delivered: a binder retry sees the same message object, and a
	 * dead letter republished from it keeps the header for a later replay.
	 */
	private static void stampDelivered(Message<byte[]> message) {
		if (StaticMessageHeaderAccessor.getSourceData(message) instanceof org.springframework.amqp.core.Message amqp) {
			amqp.getMessageProperties().setHeader(DELIVERED_HEADER, Boolean.TRUE.toString());
		}
	}

	private static boolean wasDeliveredBefore(Message<byte[]> message) {
		if (Boolean.TRUE.equals(message.getHeaders().get(AmqpHeaders.REDELIVERED, Boolean.class))
				|| message.getHeaders().containsKey(DELIVERED_HEADER)) {
			return true;
		}
		return StaticMessageHeaderAccessor.getSourceData(message) instanceof org.springframework.amqp.core.Message amqp
				&& amqp.getMessageProperties().getHeaders().containsKey(DELIVERED_HEADER);
	}

	/**
	 * Logged on the listener thread (not a Redis or HTTP thread), so the line carries the
	 * message's ids, the Genesys message id among them, as structured fields.
	 */
	private static void logPublished(InboundMessage inbound, CorrelationEvent event) {
		LogContext.putGenesysMessageId(event.genesysMessageId());
		if (logger.isDebugEnabled()) {
			logger.debug("Delivered " + LogContext.describe() + " from " + LogMasking.mask(inbound.genesysPayload().from().id())
					+ " as Genesys message " + event.genesysMessageId() + " in conversation " + event.conversationId());
		}
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
