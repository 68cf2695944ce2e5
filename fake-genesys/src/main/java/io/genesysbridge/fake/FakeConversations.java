package io.genesysbridge.fake;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeds and inspects the fake's message conversations
 * ({@code GET /api/v2/conversations/messages/{id}} and its sub-resources). Conversations
 * created by inbound or agentless messages are visible here too. All methods are
 * thread-safe; {@link FakeGenesys#reset()} forgets every conversation.
 */
public final class FakeConversations {

	/** Text of the customer's message in a seeded conversation. */
	public static final String SEEDED_CUSTOMER_TEXT = "Hello, I need help with my order";

	/** Text of the agent's reply in a seeded conversation. */
	public static final String SEEDED_AGENT_TEXT = "Hi, I am happy to help. What is your order number?";

	private final GenesysState state;

	FakeConversations(GenesysState state) {
		this.state = state;
	}

	/**
	 * Starts a conversation between a customer and an agent, which becomes the
	 * customer's active one: their next inbound message joins it.
	 * @param integrationId the Open Messaging integration
	 * @param customerId the customer's id ({@code channel.from.id})
	 * @param agentUserId the agent's user id, or null for an agent without a user
	 * @return the ids of what was created
	 */
	public FakeConversation seed(String integrationId, String customerId, String agentUserId) {
		Objects.requireNonNull(integrationId, "integrationId");
		Objects.requireNonNull(customerId, "customerId");
		String conversationId = this.state.ledger.startConversation(integrationId, customerId);
		ConversationBook.Conversation conversation = this.state.conversations.open(conversationId, integrationId,
				Map.of("id", customerId, "idType", "Phone"), "inbound");
		ConversationBook.Participant customer = conversation.customer().orElseThrow();
		ConversationBook.Participant agent = conversation.join("agent", "inbound",
				Map.of("id", integrationId, "nickname", "Agent"), agentUserId);
		String question = conversation.addMessage(customer, Ids.messageId(), "inbound", SEEDED_CUSTOMER_TEXT).id();
		String answer = conversation.addMessage(agent, Ids.messageId(), "outbound", SEEDED_AGENT_TEXT).id();
		return new FakeConversation(conversationId, integrationId, customer.id, agent.id, List.of(question, answer));
	}

	/**
	 * @return the participant's state ({@code connected}, {@code disconnected}), if the
	 * conversation and participant exist
	 */
	public Optional<String> participantState(String conversationId, String participantId) {
		return participant(conversationId, participantId).map((found) -> {
			synchronized (found.conversation()) {
				return found.participant().state;
			}
		});
	}

	/**
	 * @return a copy of the participant's attributes; empty if there is no such participant
	 */
	public Map<String, String> participantAttributes(String conversationId, String participantId) {
		return participant(conversationId, participantId).map((found) -> {
			synchronized (found.conversation()) {
				return Map.copyOf(found.participant().attributes);
			}
		}).orElse(Map.of());
	}

	/**
	 * @return how many typing indicators were posted for this participant (as
	 * communication)
	 */
	public int typingIndicators(String conversationId, String participantId) {
		return participant(conversationId, participantId).map((found) -> {
			synchronized (found.conversation()) {
				return found.participant().typingIndicators;
			}
		}).orElse(0);
	}

	/** Every accepted agentless message, in arrival order. */
	public List<RecordedAgentless> agentlessMessages() {
		return this.state.ledger.agentless();
	}

	/** Number of conversations the fake knows. */
	public int count() {
		return this.state.conversations.size();
	}

	private Optional<Found> participant(String conversationId, String participantId) {
		return this.state.conversations.find(conversationId)
			.flatMap((conversation) -> conversation.participant(participantId)
				.map((participant) -> new Found(conversation, participant)));
	}

	private record Found(ConversationBook.Conversation conversation, ConversationBook.Participant participant) {
	}

}
