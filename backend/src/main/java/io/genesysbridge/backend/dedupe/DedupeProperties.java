package io.genesysbridge.backend.dedupe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency of inbound delivery.
 *
 * @param keyFormat Redis key, {@code %1$s} the tenant id and {@code %2$s} the WhatsApp message id
 * (the platform's {@code genesys:dedupe:{tenantId}:{whatsapp_message_id}})
 * @param ttl how long a delivered message is remembered (copies arriving later are delivered again)
 * @param lease how long an in-flight claim lives if its holder dies; must exceed the longest
 * single delivery attempt (token fetch plus Genesys read timeout)
 */
@Validated
@ConfigurationProperties("app.dedupe")
public record DedupeProperties(@DefaultValue("genesys:dedupe:%1$s:%2$s") String keyFormat,
		@DefaultValue("24h") Duration ttl, @DefaultValue("2m") Duration lease) {
}
