package io.genesysbridge.backend.genesys;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The messages of one message conversation, each as Genesys's {@code MessageData}, oldest
 * first.
 *
 * @param conversationId the conversation
 * @param messages the fetched messages
 * @param total how many messages the conversation's participants list
 * @param truncated whether older messages were left out because of the limit
 */
public record ConversationMessages(String conversationId, List<JsonNode> messages, int total, boolean truncated) {

	public ConversationMessages {
		messages = List.copyOf(messages);
	}

	/**
	 * The ids of every message the participants of a {@code MessageConversation} list
	 * ({@code participants[].messages[].messageId}), once each, ordered by
	 * {@code messageTime} (ISO-8601 sorts as text), oldest first.
	 */
	static List<String> idsOf(JsonNode conversation) {
		Map<String, String> timeById = new LinkedHashMap<>();
		for (JsonNode participant : conversation.path("participants").values()) {
			for (JsonNode message : participant.path("messages").values()) {
				String id = message.path("messageId").asString("");
				if (!id.isBlank()) {
					timeById.putIfAbsent(id, message.path("messageTime").asString(""));
				}
			}
		}
		return timeById.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
			.map(Map.Entry::getKey)
			.toList();
	}

}
