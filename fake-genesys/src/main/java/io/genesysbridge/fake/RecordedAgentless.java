package io.genesysbridge.fake;

import java.time.Instant;

/**
 * One agentless outbound message the fake accepted
 * ({@code POST /api/v2/conversations/messages/agentless}).
 *
 * @param integrationId the {@code fromAddress}: the Open Messaging integration
 * @param toAddress the customer the message goes to
 * @param textBody the text
 * @param messageId the id the fake returned
 * @param conversationId the conversation the message was put in
 * @param receivedAt when the fake accepted it
 */
public record RecordedAgentless(String integrationId, String toAddress, String textBody, String messageId,
		String conversationId, Instant receivedAt) {
}
