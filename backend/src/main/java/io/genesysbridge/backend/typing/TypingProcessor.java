package io.genesysbridge.backend.typing;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.genesys.GenesysClient;
import io.genesysbridge.backend.genesys.OpenInboundEvent;
import io.genesysbridge.backend.genesys.OpenInboundMessage;
import io.genesysbridge.backend.system.LogContext;
import io.genesysbridge.backend.system.LogMasking;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Sends one customer typing event to Genesys ({@code …/inbound/open/event}, eventType
 * {@code Typing}) through the tenant's integration, unless it is too old to matter. Runs on the
 * listener thread and waits within {@code attemptTimeout}, so binder retry and DLQ apply.
 */
class TypingProcessor {

	private static final Log logger = LogFactory.getLog(TypingProcessor.class);

	private final TypingEventParser parser;

	private final TenantDirectory tenants;

	private final GenesysClient genesys;

	private final TypingProperties properties;

	private final TypingMetrics metrics;

	private final Clock clock;

	TypingProcessor(TypingEventParser parser, TenantDirectory tenants, GenesysClient genesys,
			TypingProperties properties, TypingMetrics metrics, Clock clock) {
		this.parser = parser;
		this.tenants = tenants;
		this.genesys = genesys;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param body the raw typing event
	 */
	void process(byte[] body) {
		TypingEvent event = this.parser.parse(body);
		LogContext.put(event.tenantId(), "", "");
		if (Duration.between(event.time(), this.clock.instant()).compareTo(this.properties.maxAge()) > 0) {
			this.metrics.stale();
			return;
		}
		this.tenants.find(event.tenantId())
			.switchIfEmpty(Mono.error(() -> rejected("typing.tenant.unknown", "tenant is not known")))
			.flatMap((tenant) -> send(tenant, event))
			.timeout(this.properties.attemptTimeout())
			.block();
		this.metrics.sent();
		if (logger.isDebugEnabled()) {
			logger.debug("Sent typing of " + LogMasking.mask(event.customerId()) + " for tenant " + event.tenantId());
		}
	}

	private Mono<Void> send(Tenant tenant, TypingEvent event) {
		if (!tenant.enabled()) {
			return Mono.error(rejected("typing.tenant.disabled", "tenant is disabled"));
		}
		String integrationId = (event.integrationId() != null) ? event.integrationId() : tenant.defaultIntegrationId();
		if (integrationId == null || !tenant.ownsIntegration(integrationId)) {
			return Mono.error(rejected("typing.integration.unknown", "no integration of the tenant matches"));
		}
		OpenInboundEvent typing = OpenInboundEvent.typing(
				new OpenInboundMessage.From(event.customerId(), event.idType(), null, null, null),
				event.time().truncatedTo(ChronoUnit.MILLIS).toString());
		return this.genesys.sendEvent(tenant, integrationId, typing);
	}

	private static RejectedTypingEventException rejected(String reason, String detail) {
		return new RejectedTypingEventException(reason, detail);
	}

}
