package io.genesysbridge.fake;

import java.util.List;

/**
 * A conversation a test seeded with {@link FakeConversations#seed}: a connected customer
 * and a connected agent, and one message from each.
 *
 * @param id the conversation id
 * @param integrationId the Open Messaging integration
 * @param customerParticipantId the participant with purpose {@code customer}
 * @param agentParticipantId the participant with purpose {@code agent}; the fake also
 * takes it as the agent's communication id for typing indicators
 * @param messageIds the customer's message, then the agent's reply
 */
public record FakeConversation(String id, String integrationId, String customerParticipantId,
		String agentParticipantId, List<String> messageIds) {

	public FakeConversation {
		messageIds = List.copyOf(messageIds);
	}

}
