package io.genesysbridge.backend.deferral;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.integration.StaticMessageHeaderAccessor;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.FailureClass;
import io.genesysbridge.backend.system.TenantTags;

/**
 * Moves a message that must wait (rate limit, open circuit, paused tenant, an earlier message of
 * the conversation still pending) to a delay tier instead of holding a consumer thread. The copy
 * keeps the original body, properties and headers, plus {@link DeferralHeaders}; the original is
 * acknowledged only after the broker confirmed the copy. A deferral is not a failed attempt.
 * Deferrals are counted by reason and tenant (the tenant tag bounded by {@link TenantTags}).
 */
public class Deferrer {

	static final String DEFERRED = "genesysbridge.messages.deferred";

	private final RabbitTemplate rabbit;

	private final DeferralProperties properties;

	private final MeterRegistry registry;

	private final Clock clock;

	private final TenantTags tenantTags;

	Deferrer(RabbitTemplate rabbit, DeferralProperties properties, MeterRegistry registry, Clock clock,
			TenantTags tenantTags) {
		this.rabbit = rabbit;
		this.properties = properties;
		this.registry = registry;
		this.clock = clock;
		this.tenantTags = tenantTags;
	}

	/**
	 * @param message the message as the stream function received it
	 * @param wanted the least delay wanted
	 * @param reason low-cardinality reason
	 * @param tenantId the message's tenant, or null if it names none
	 * @return the tier used
	 * @throws DeferralFailedException (transient) if the copy was not confirmed
	 */
	public Duration defer(org.springframework.messaging.Message<?> message, Duration wanted, String reason,
			@Nullable String tenantId) {
		if (!(StaticMessageHeaderAccessor.getSourceData(message) instanceof Message source)) {
			throw new IllegalStateException("deferral needs the raw AMQP message (a Rabbit binding)");
		}
		Duration tier = this.properties.tierFor(wanted);
		Message copy = copyOf(source, reason);
		CorrelationData confirm = new CorrelationData();
		this.rabbit.send("", this.properties.queueFor(tier), copy, confirm);
		awaitConfirm(confirm);
		Counter.builder(DEFERRED)
			.description("Messages moved to a delay route instead of waiting on a thread, by reason and tenant")
			.tag("reason", reason)
			.tag(TenantTags.TAG, this.tenantTags.of(tenantId))
			.register(this.registry)
			.increment();
		return tier;
	}

	/**
	 * Defers with a delay growing with each deferral of the message: the first tier the first
	 * time, the next tier the next time, and so on up to the longest.
	 * @param message the message as the stream function received it
	 * @param reason low-cardinality reason
	 * @param tenantId the message's tenant, or null if it names none
	 * @return the tier used
	 */
	public Duration deferGrowing(org.springframework.messaging.Message<?> message, String reason,
			@Nullable String tenantId) {
		return deferGrowing(message, reason, tenantId, null);
	}

	/**
	 * Defers with a growing delay that stops growing at the tier covering {@code limit}: an
	 * open circuit tries again after its wait in the open state, so deferring longer would only
	 * hold messages back after the org recovered.
	 * @param message the message as the stream function received it
	 * @param reason low-cardinality reason
	 * @param tenantId the message's tenant, or null if it names none
	 * @param limit the longest delay worth waiting, or null for none
	 * @return the tier used
	 */
	public Duration deferGrowing(org.springframework.messaging.Message<?> message, String reason,
			@Nullable String tenantId, @Nullable Duration limit) {
		return defer(message, growingTier(this.properties, deferrals(message), limit), reason, tenantId);
	}

	static Duration growingTier(DeferralProperties properties, int deferrals, @Nullable Duration limit) {
		Duration tier = properties.tiers().get(Math.min(deferrals, properties.tiers().size() - 1));
		if (limit == null) {
			return tier;
		}
		Duration cap = properties.tierFor(limit);
		return (tier.compareTo(cap) > 0) ? cap : tier;
	}

	/**
	 * @param message a received message
	 * @return how often it was deferred before
	 */
	public static int deferrals(org.springframework.messaging.Message<?> message) {
		Object count = (StaticMessageHeaderAccessor.getSourceData(message) instanceof Message source)
				? source.getMessageProperties().getHeaders().get(DeferralHeaders.COUNT) : null;
		return (count instanceof Number number) ? number.intValue() : 0;
	}

	private Message copyOf(Message source, String reason) {
		MessageProperties properties = source.getMessageProperties();
		Object count = properties.getHeaders().get(DeferralHeaders.COUNT);
		properties.setHeader(DeferralHeaders.COUNT, ((count instanceof Number n) ? n.intValue() : 0) + 1);
		properties.setHeader(DeferralHeaders.REASON, reason);
		properties.getHeaders().putIfAbsent(DeferralHeaders.FIRST_AT, this.clock.instant().toString());
		properties.setExpiration(null);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		return new Message(source.getBody(), properties);
	}

	private void awaitConfirm(CorrelationData confirm) {
		try {
			CorrelationData.Confirm result = confirm.getFuture()
				.get(this.properties.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
			if (!result.ack() || confirm.getReturned() != null) {
				throw new DeferralFailedException("the broker refused the deferred copy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeferralFailedException("interrupted waiting for the confirm");
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new DeferralFailedException("no confirm for the deferred copy: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * The deferred copy was not confirmed: the original stays unacknowledged and is retried.
	 */
	static final class DeferralFailedException extends RuntimeException implements ClassifiedFailure {

		DeferralFailedException(String message) {
			super(message, null, false, false);
		}

		@Override
		public FailureClass failureClass() {
			return FailureClass.TRANSIENT;
		}

		@Override
		public String reason() {
			return "deferral.unconfirmed";
		}

	}

}
