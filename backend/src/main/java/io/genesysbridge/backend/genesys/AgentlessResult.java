package io.genesysbridge.backend.genesys;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * What Genesys answered to an agentless message ({@code SendAgentlessOutboundMessageResponse}).
 *
 * @param id the Genesys message id
 * @param conversationId the conversation the message was put in
 * @param timestamp when Genesys accepted it, ISO-8601
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentlessResult(@Nullable String id, @Nullable String conversationId, @Nullable String timestamp) {
}
