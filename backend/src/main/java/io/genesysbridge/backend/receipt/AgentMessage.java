package io.genesysbridge.backend.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What the bridge remembers of an agent message that passed through its webhook, so that a
 * WhatsApp status naming only the Genesys message id can still be sent as a receipt.
 *
 * @param genesysId the Genesys message id (the webhook payload {@code id})
 * @param tenantId the tenant that owns the integration
 * @param integrationId the Open Messaging integration it came through
 * @param customerId the customer it was sent to ({@code channel.to.id})
 * @param customerIdType {@code channel.to.idType}, if Genesys sent one
 * @param conversationId the Genesys conversation, if known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentMessage(String genesysId, String tenantId, String integrationId, String customerId,
		@Nullable String customerIdType, @Nullable String conversationId) {
}
