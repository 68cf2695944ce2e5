package io.genesysbridge.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message conversations the fake knows: participants with purpose, state and
 * attributes, and the messages exchanged, as {@code GET /api/v2/conversations/messages/{id}}
 * and its sub-resources show them (contract notes §4).
 *
 * <p>
 * Conversations appear when an inbound message creates one, when an agentless message is
 * sent, or when a test seeds one. Each conversation is guarded by its own monitor, so
 * calls on different conversations never contend.
 */
final class ConversationBook {

	private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

	/**
	 * The conversation, created with a connected customer participant on first use.
	 * @param customer the customer's address ({@code id}, {@code idType}, optional
	 * {@code nickname})
	 */
	Conversation open(String conversationId, String integrationId, Map<?, ?> customer, String direction) {
		return this.conversations.computeIfAbsent(conversationId, (id) -> {
			Conversation created = new Conversation(id, integrationId, Instant.now());
			created.join("customer", direction, customer, null);
			return created;
		});
	}

	Optional<Conversation> find(String conversationId) {
		return Optional.ofNullable(this.conversations.get(conversationId));
	}

	int size() {
		return this.conversations.size();
	}

	void clear() {
		this.conversations.clear();
	}

	/**
	 * One message conversation; every method synchronizes on it.
	 */
	static final class Conversation {

		final String id;

		final String integrationId;

		final Instant startTime;

		private final List<Participant> participants = new ArrayList<>();

		private final Map<String, Message> messages = new LinkedHashMap<>();

		Conversation(String id, String integrationId, Instant startTime) {
			this.id = id;
			this.integrationId = integrationId;
			this.startTime = startTime;
		}

		synchronized Participant join(String purpose, String direction, Map<?, ?> address, String userId) {
			Participant participant = new Participant(Ids.uuid(), purpose, direction, address, userId, Instant.now());
			this.participants.add(participant);
			return participant;
		}

		/**
		 * Records a message sent by (inbound) or to (outbound) the customer, listed on the
		 * participant that sent or received it; an id already recorded (an idempotent
		 * duplicate) is kept as it was.
		 */
		synchronized Message addMessage(Participant participant, String messageId, String direction,
				String textBody) {
			String status = direction.equals("inbound") ? "received" : "sent";
			Message message = new Message(messageId, this.id, direction, textBody, status, Instant.now(),
					participant.id);
			if (this.messages.putIfAbsent(messageId, message) != null) {
				return this.messages.get(messageId);
			}
			participant.messageIds.add(messageId);
			return message;
		}

		synchronized Optional<Participant> participant(String participantId) {
			return this.participants.stream().filter((p) -> p.id.equals(participantId)).findFirst();
		}

		synchronized Optional<Participant> customer() {
			return this.participants.stream().filter((p) -> p.purpose.equals("customer")).findFirst();
		}

		synchronized Optional<Message> message(String messageId) {
			return Optional.ofNullable(this.messages.get(messageId));
		}

		synchronized List<Participant> participants() {
			return List.copyOf(this.participants);
		}

		/** Disconnects the participant; a second disconnect changes nothing. */
		synchronized void disconnect(Participant participant) {
			if (!participant.state.equals("disconnected")) {
				participant.state = "disconnected";
				participant.disconnectType = "client";
				participant.endTime = Instant.now();
			}
		}

		synchronized void mergeAttributes(Participant participant, Map<String, String> attributes) {
			participant.attributes.putAll(attributes);
		}

		synchronized void typing(Participant participant) {
			participant.typingIndicators++;
		}

	}

	/**
	 * A participant; mutable fields are only touched under its conversation's monitor.
	 */
	static final class Participant {

		final String id;

		final String purpose;

		final String direction;

		final Map<?, ?> address;

		final String userId;

		final Instant startTime;

		final Map<String, String> attributes = new LinkedHashMap<>();

		final List<String> messageIds = new ArrayList<>();

		String state = "connected";

		String disconnectType;

		Instant endTime;

		int typingIndicators;

		Participant(String id, String purpose, String direction, Map<?, ?> address, String userId,
				Instant startTime) {
			this.id = id;
			this.purpose = purpose;
			this.direction = direction;
			this.address = address;
			this.userId = userId;
			this.startTime = startTime;
		}

	}

	/**
	 * One message as {@code MessageData} describes it.
	 *
	 * @param direction {@code inbound} (from the customer) or {@code outbound}
	 * @param status {@code received} for inbound, {@code sent} for outbound
	 * @param participantId the participant whose {@code messages[]} lists it
	 */
	record Message(String id, String conversationId, String direction, String textBody, String status,
			Instant timestamp, String participantId) {
	}

}
