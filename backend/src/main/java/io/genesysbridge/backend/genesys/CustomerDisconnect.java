package io.genesysbridge.backend.genesys;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The outcome of disconnecting a conversation's customer participant.
 *
 * @param participantId the customer participant
 * @param alreadyDisconnected true when the participant was disconnected before, so no
 * request was sent
 */
public record CustomerDisconnect(String participantId, boolean alreadyDisconnected) {

	private static final Set<String> ENDED = Set.of("disconnected", "terminated");

	/**
	 * Picks the participant with purpose {@code customer} from a {@code MessageConversation}
	 * (the approach of the contract notes §4), preferring one that is still connected.
	 * @return the participant, or empty if the conversation has no customer
	 */
	static Optional<JsonNode> customerOf(JsonNode conversation) {
		Optional<JsonNode> last = Optional.empty();
		for (JsonNode participant : conversation.path("participants").values()) {
			if (participant.path("purpose").asString("").equalsIgnoreCase("customer")
					&& !participant.path("id").asString("").isBlank()) {
				if (!hasEnded(participant)) {
					return Optional.of(participant);
				}
				last = Optional.of(participant);
			}
		}
		return last;
	}

	static boolean hasEnded(JsonNode participant) {
		return ENDED.contains(participant.path("state").asString("").toLowerCase(Locale.ROOT));
	}

}
