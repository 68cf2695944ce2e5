package io.genesysbridge.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Serves {@code POST /api/v2/conversations/messages/agentless} for open messaging
 * (contract notes §3.3): text only, at most 2000 characters, from a known integration.
 *
 * <p>
 * The message joins the customer's active conversation when
 * {@code useExistingActiveConversation} is true and one exists; otherwise it starts a
 * new conversation, which the customer's next inbound message then joins. It answers 202
 * with a {@code SendAgentlessOutboundMessageResponse}.
 */
final class AgentlessEndpoint {

	static final String PATH = "/api/v2/conversations/messages/agentless";

	static final int MAX_TEXT = 2000;

	private static final Set<String> MESSENGER_TYPES = Set.of("sms", "facebook", "twitter", "line", "whatsapp",
			"webmessaging", "open", "instagram", "apple");

	private final GenesysState state;

	AgentlessEndpoint(GenesysState state) {
		this.state = state;
	}

	ResponseDefinitionBuilder handle(LoggedRequest request) {
		Map<?, ?> body;
		try {
			body = JsonBodies.object(request);
		}
		catch (IllegalArgumentException ex) {
			return Replies.error(400, "bad.request", "Unable to parse the request body as a JSON object.");
		}
		String problem = problem(body);
		if (problem != null) {
			return Replies.error(400, "invalid.value", problem);
		}
		String integrationId = (String) body.get("fromAddress");
		if (!this.state.knowsIntegration(integrationId)) {
			return Replies.error(404, "not.found", "Open messaging integration " + integrationId + " not found");
		}
		return Replies.api(202, accept(integrationId, (String) body.get("toAddress"), (String) body.get("textBody"),
				Boolean.TRUE.equals(body.get("useExistingActiveConversation"))));
	}

	private Map<String, Object> accept(String integrationId, String toAddress, String text, boolean useExisting) {
		String conversationId = useExisting ? this.state.ledger.conversationFor(integrationId, toAddress)
				: this.state.ledger.startConversation(integrationId, toAddress);
		ConversationBook.Conversation conversation = this.state.conversations.open(conversationId, integrationId,
				Map.of("id", toAddress), "outbound");
		ConversationBook.Participant customer = conversation.customer().orElseThrow();
		ConversationBook.Message message = conversation.addMessage(customer, Ids.messageId(), "outbound", text);
		this.state.ledger.recordAgentless(new RecordedAgentless(integrationId, toAddress, text, message.id(),
				conversationId, Instant.now()));

		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", message.id());
		answer.put("conversationId", conversationId);
		answer.put("fromAddress", integrationId);
		answer.put("toAddress", toAddress);
		answer.put("messengerType", "open");
		answer.put("textBody", text);
		answer.put("timestamp", message.timestamp().toString());
		answer.put("selfUri", PATH + "/" + message.id());
		return answer;
	}

	private static String problem(Map<?, ?> body) {
		if (!(body.get("fromAddress") instanceof String from) || from.isBlank()) {
			return "fromAddress (the integration id) is required.";
		}
		if (!(body.get("toAddress") instanceof String to) || to.isBlank()) {
			return "toAddress is required.";
		}
		Object type = body.get("toAddressMessengerType");
		if (!(type instanceof String messenger) || !MESSENGER_TYPES.contains(messenger)) {
			return "Value [" + type + "] is not valid for field type [toAddressMessengerType].";
		}
		if (!messenger.equals("open")) {
			return "toAddressMessengerType must be 'open' for an open messaging integration.";
		}
		if (!(body.get("textBody") instanceof String text) || text.isBlank()) {
			return "textBody is required for open messaging.";
		}
		if (text.length() > MAX_TEXT) {
			return "textBody must be at most " + MAX_TEXT + " characters, was " + text.length() + ".";
		}
		return null;
	}

}
