package io.genesysbridge.backend.genesys;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What Genesys answered to an inbound message: its message id and, thanks to
 * {@code prefetchConversationId=true}, the conversation id.
 *
 * @param id the Genesys message id
 * @param conversationId the conversation the message joined or created
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboundMessageResult(@Nullable String id, @Nullable String conversationId) {
}
