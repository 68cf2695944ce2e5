package io.genesysbridge.backend.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Published to {@code genesys-status-updates} for a Genesys-side receipt or event (contract
 * §6), for the state manager.
 *
 * @param tenantId the tenant that owns the integration
 * @param genesysId the webhook payload id
 * @param originalMessageId {@code channel.messageId} of the notification
 * @param status {@code delivered}, {@code read}, {@code failed}, {@code typing} or {@code disconnect}
 * @param timestamp {@code channel.time} of the notification
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatusUpdateEnvelope(String tenantId, String genesysId, @Nullable String originalMessageId, String status,
		String timestamp) {
}
