package io.genesysbridge.backend.receipt;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A status event from {@code genesys-status-processed} (contract §4), parsed.
 *
 * @param tenantId the tenant
 * @param genesysId the Genesys message id of the agent message
 * @param originalMessageId the WhatsApp message id, if given (logs only)
 * @param status the WhatsApp status as sent, lower case
 * @param time when the status happened (now, if the event had no usable timestamp)
 * @param toId the customer id, if given ({@code to_id})
 * @param integrationId the integration, if given
 * @param reason the failure reason text, if given
 */
record StatusEvent(String tenantId, String genesysId, @Nullable String originalMessageId, String status, Instant time,
		@Nullable String toId, @Nullable String integrationId, @Nullable String reason) {
}
