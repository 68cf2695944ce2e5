package io.genesysbridge.backend.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The queues the webhook publishes to (through the default exchange, routing key = queue name,
 * as the platform's own producers do). They are declared durable at start-up.
 *
 * @param outboundMessages agent messages for the outbound transformer (contract §5)
 * @param statusUpdates Genesys-side statuses for the state manager (contract §6)
 * @param webhookLedger the bridge's own record of what the webhook published: every publish is
 * also routed here (a {@code BCC} header, so both queues get the message or neither does), which
 * settles a publish whose confirm was lost (see {@link PublishLedger})
 */
@ConfigurationProperties("app.queues")
public record WebhookQueues(@DefaultValue("outbound-genesys-messages") String outboundMessages,
		@DefaultValue("genesys-status-updates") String statusUpdates,
		@DefaultValue("genesys-bridge.webhook.ledger") String webhookLedger) {
}
