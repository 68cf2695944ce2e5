package io.genesysbridge.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders conversations as the Platform API models them: {@code MessageConversation}
 * with {@code MessageMediaParticipant}s, and {@code MessageData} (contract notes §4, notes
 * 1 and 2).
 *
 * <p>
 * The customer's address is the id the bridge sent as {@code channel.from.id}; the
 * integration is the other end. Absent values are left out, as Genesys does.
 */
final class ConversationJson {

	private static final String BASE = "/api/v2/conversations/messages/";

	private ConversationJson() {
	}

	static Map<String, Object> conversation(ConversationBook.Conversation conversation) {
		synchronized (conversation) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", conversation.id);
			body.put("participants",
					conversation.participants().stream().map((p) -> participant(conversation, p)).toList());
			body.put("recentTransfers", List.of());
			body.put("selfUri", BASE + conversation.id);
			return body;
		}
	}

	static Map<String, Object> message(ConversationBook.Conversation conversation,
			ConversationBook.Message message) {
		ConversationBook.Participant sender = conversation.participant(message.participantId()).orElseThrow();
		boolean inbound = message.direction().equals("inbound");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", message.id());
		body.put("conversationId", message.conversationId());
		body.put("timestamp", message.timestamp().toString());
		body.put("fromAddress", inbound ? customerAddress(sender) : integrationAddress(conversation));
		body.put("toAddress", inbound ? integrationAddress(conversation) : customerAddressOf(conversation));
		body.put("direction", message.direction());
		body.put("messengerType", "open");
		body.put("textBody", message.textBody());
		body.put("status", message.status());
		body.put("media", List.of());
		body.put("stickers", List.of());
		body.put("selfUri", BASE + conversation.id + "/messages/" + message.id());
		return body;
	}

	private static Map<String, Object> participant(ConversationBook.Conversation conversation,
			ConversationBook.Participant participant) {
		boolean customer = participant.purpose.equals("customer");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", participant.id);
		putIfPresent(body, "name", participant.address.get("nickname"));
		putIfPresent(body, "address", customer ? participant.address.get("id") : null);
		body.put("startTime", participant.startTime.toString());
		body.put("connectedTime", participant.startTime.toString());
		putIfPresent(body, "endTime", (participant.endTime != null) ? participant.endTime.toString() : null);
		body.put("purpose", participant.purpose);
		body.put("state", participant.state);
		body.put("direction", participant.direction);
		putIfPresent(body, "disconnectType", participant.disconnectType);
		body.put("held", false);
		body.put("wrapupRequired", !customer);
		if (participant.userId != null) {
			body.put("user", Map.of("id", participant.userId, "selfUri", "/api/v2/users/" + participant.userId));
		}
		body.put("attributes", new LinkedHashMap<>(participant.attributes));
		body.put("toAddress", customer ? integrationAddress(conversation) : customerAddressOf(conversation));
		body.put("fromAddress", customer ? customerAddress(participant) : integrationAddress(conversation));
		body.put("messages", participant.messageIds.stream()
			.map((id) -> conversation.message(id).orElseThrow())
			.map(ConversationJson::messageDetails)
			.toList());
		body.put("type", "open");
		return body;
	}

	private static Map<String, Object> messageDetails(ConversationBook.Message message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("messageId", message.id());
		body.put("messageURI", BASE + message.conversationId() + "/messages/" + message.id());
		body.put("messageStatus", message.status());
		body.put("messageSegmentCount", 1);
		body.put("messageTime", message.timestamp().toString());
		return body;
	}

	private static Map<String, Object> customerAddressOf(ConversationBook.Conversation conversation) {
		return conversation.customer()
			.map(ConversationJson::customerAddress)
			.orElseGet(() -> integrationAddress(conversation));
	}

	private static Map<String, Object> customerAddress(ConversationBook.Participant participant) {
		Map<String, Object> address = new LinkedHashMap<>();
		putIfPresent(address, "name", participant.address.get("nickname"));
		address.put("addressNormalized", participant.address.get("id"));
		address.put("addressRaw", participant.address.get("id"));
		return address;
	}

	private static Map<String, Object> integrationAddress(ConversationBook.Conversation conversation) {
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("addressNormalized", conversation.integrationId);
		address.put("addressRaw", conversation.integrationId);
		return address;
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

}
