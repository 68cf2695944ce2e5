package io.genesysbridge.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Serves the message-conversation API for an authenticated caller (contract notes §4):
 * the conversation, one of its messages, a participant's state and attributes, and the
 * agent typing indicator. Unknown conversations, participants and messages answer 404
 * {@code not.found}; malformed bodies 400.
 */
final class ConversationEndpoints {

	private static final String BASE = "/api/v2/conversations/messages/";

	private static final Pattern CONVERSATION = Pattern.compile(BASE + "([^/]+)");

	private static final Pattern MESSAGE = Pattern.compile(BASE + "([^/]+)/messages/([^/]+)");

	private static final Pattern PARTICIPANT = Pattern.compile(BASE + "([^/]+)/participants/([^/]+)(/attributes)?");

	private static final Pattern TYPING = Pattern.compile(BASE + "([^/]+)/communications/([^/]+)/typing");

	private final GenesysState state;

	ConversationEndpoints(GenesysState state) {
		this.state = state;
	}

	/**
	 * @return the handler of this request, or null when no conversation route matches
	 */
	Supplier<ResponseDefinitionBuilder> route(RequestMethod method, String path, LoggedRequest request) {
		Matcher matcher;
		if (method.equals(RequestMethod.GET) && (matcher = CONVERSATION.matcher(path)).matches()) {
			String conversationId = matcher.group(1);
			return () -> withConversation(conversationId, (c) -> Replies.api(200, ConversationJson.conversation(c)));
		}
		if (method.equals(RequestMethod.GET) && (matcher = MESSAGE.matcher(path)).matches()) {
			String conversationId = matcher.group(1);
			String messageId = matcher.group(2);
			return () -> withConversation(conversationId, (c) -> message(c, messageId));
		}
		if (method.equals(RequestMethod.PATCH) && (matcher = PARTICIPANT.matcher(path)).matches()) {
			String conversationId = matcher.group(1);
			String participantId = matcher.group(2);
			boolean attributes = matcher.group(3) != null;
			return () -> withConversation(conversationId, (c) -> attributes ? attributes(c, participantId, request)
					: participantState(c, participantId, request));
		}
		if (method.equals(RequestMethod.POST) && (matcher = TYPING.matcher(path)).matches()) {
			String conversationId = matcher.group(1);
			String communicationId = matcher.group(2);
			return () -> withConversation(conversationId, (c) -> typing(c, communicationId, request));
		}
		return null;
	}

	private ResponseDefinitionBuilder withConversation(String conversationId,
			Function<ConversationBook.Conversation, ResponseDefinitionBuilder> action) {
		return this.state.conversations.find(conversationId)
			.map(action)
			.orElseGet(() -> Replies.error(404, "not.found", "Conversation " + conversationId + " not found"));
	}

	private static ResponseDefinitionBuilder message(ConversationBook.Conversation conversation, String messageId) {
		return conversation.message(messageId)
			.map((message) -> Replies.api(200, ConversationJson.message(conversation, message)))
			.orElseGet(() -> Replies.error(404, "not.found",
					"Message " + messageId + " not found in conversation " + conversation.id));
	}

	private ResponseDefinitionBuilder participantState(ConversationBook.Conversation conversation,
			String participantId, LoggedRequest request) {
		return withParticipant(conversation, participantId, (participant) -> {
			Map<?, ?> body = JsonBodies.object(request);
			Object state = body.get("state");
			if (state != null && !"connected".equals(state) && !"disconnected".equals(state)) {
				return Replies.error(400, "invalid.value",
						"Value [" + state + "] is not valid for field type [State]. Allowable values are: connected, disconnected");
			}
			if ("disconnected".equals(state)) {
				conversation.disconnect(participant);
				if (participant.purpose.equals("customer")) {
					this.state.ledger.endConversation(conversation.integrationId,
							String.valueOf(participant.address.get("id")), conversation.id);
				}
			}
			return Replies.empty(202);
		});
	}

	private static ResponseDefinitionBuilder attributes(ConversationBook.Conversation conversation,
			String participantId, LoggedRequest request) {
		return withParticipant(conversation, participantId, (participant) -> {
			if (!(JsonBodies.object(request).get("attributes") instanceof Map<?, ?> given)) {
				return Replies.error(400, "bad.request", "The request body must contain an 'attributes' object.");
			}
			Map<String, String> attributes = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : given.entrySet()) {
				if (!(entry.getValue() instanceof String value) || String.valueOf(entry.getKey()).isEmpty()) {
					return Replies.error(400, "invalid.value",
							"Attribute [" + entry.getKey() + "] must have a non-empty name and a string value.");
				}
				attributes.put(String.valueOf(entry.getKey()), value);
			}
			conversation.mergeAttributes(participant, attributes);
			synchronized (conversation) {
				return Replies.api(202, Map.of("attributes", new LinkedHashMap<>(participant.attributes)));
			}
		});
	}

	/**
	 * The fake takes a participant id as the communication id: the message conversation
	 * model carries no separate communication id (an assumption, see the contract notes
	 * §4).
	 */
	private static ResponseDefinitionBuilder typing(ConversationBook.Conversation conversation,
			String communicationId, LoggedRequest request) {
		return withParticipant(conversation, communicationId, (participant) -> {
			if (!(JsonBodies.object(request).get("typing") instanceof Map<?, ?> typing)
					|| !"On".equals(typing.get("type"))) {
				return Replies.error(400, "bad.request", "typing.type is required and must be 'On'.");
			}
			conversation.typing(participant);
			return Replies.empty(204);
		});
	}

	private static ResponseDefinitionBuilder withParticipant(ConversationBook.Conversation conversation,
			String participantId,
			Function<ConversationBook.Participant, ResponseDefinitionBuilder> action) {
		Optional<ConversationBook.Participant> participant = conversation.participant(participantId);
		if (participant.isEmpty()) {
			return Replies.error(404, "not.found",
					"Participant " + participantId + " not found in conversation " + conversation.id);
		}
		try {
			return action.apply(participant.get());
		}
		catch (IllegalArgumentException malformed) {
			return Replies.error(400, "bad.request", "Unable to parse the request body as a JSON object.");
		}
	}

}
