package io.genesysbridge.backend.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What Genesys made of a delivered customer message.
 *
 * @param integrationId the integration it went through
 * @param genesysMessageId the Genesys message id
 * @param conversationId the conversation it joined or started
 */
@Schema(name = "InboundMessageResult")
record InboundMessageResponse(String integrationId, @Nullable String genesysMessageId,
		@Nullable String conversationId) {
}
