package io.genesysbridge.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what the fake accepted and keeps the conversation and duplicate bookkeeping
 * that spans calls.
 *
 * <p>
 * All structures are concurrent, so thousands of simultaneous inbound calls can be
 * recorded without locks; lists keep arrival (acceptance) order.
 */
final class InboundLedger {

	private final Queue<RecordedInbound> messages = new ConcurrentLinkedQueue<>();

	private final Queue<RecordedInbound> receipts = new ConcurrentLinkedQueue<>();

	private final Queue<RecordedInbound> events = new ConcurrentLinkedQueue<>();

	private final Queue<RecordedAgentless> agentless = new ConcurrentLinkedQueue<>();

	private final AtomicInteger messagesAccepted = new AtomicInteger();

	private final AtomicInteger receiptsAccepted = new AtomicInteger();

	private final AtomicInteger eventsAccepted = new AtomicInteger();

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicLong duplicates = new AtomicLong();

	private final Map<String, String> conversations = new ConcurrentHashMap<>();

	private final Map<String, String> firstIdByChannelMessageId = new ConcurrentHashMap<>();

	private final Map<String, RecordedInbound> messagesByGenesysId = new ConcurrentHashMap<>();

	void countAttempt() {
		this.attempts.incrementAndGet();
	}

	/**
	 * The conversation for this customer on this integration, created on first use
	 * (§8.4).
	 */
	String conversationFor(String integrationId, String customerId) {
		return this.conversations.computeIfAbsent(key(integrationId, customerId), (key) -> Ids.uuid());
	}

	Optional<String> existingConversation(String integrationId, String customerId) {
		return Optional.ofNullable(this.conversations.get(key(integrationId, customerId)));
	}

	/**
	 * Starts a new conversation for this customer, which their next messages join.
	 * @return its id
	 */
	String startConversation(String integrationId, String customerId) {
		String conversationId = Ids.uuid();
		this.conversations.put(key(integrationId, customerId), conversationId);
		return conversationId;
	}

	/**
	 * Forgets the customer's active conversation if it is this one (its customer was
	 * disconnected), so the next inbound message starts a new one.
	 */
	void endConversation(String integrationId, String customerId, String conversationId) {
		this.conversations.remove(key(integrationId, customerId), conversationId);
	}

	/**
	 * Assigns the Genesys id of an accepted message and notes duplicates of
	 * {@code channel.messageId}.
	 * @param idempotent whether a duplicate gets the first message's id back
	 * @return the id to return
	 */
	String assignMessageId(String integrationId, String channelMessageId, boolean idempotent) {
		String fresh = Ids.messageId();
		if (channelMessageId == null) {
			return fresh;
		}
		String first = this.firstIdByChannelMessageId.putIfAbsent(key(integrationId, channelMessageId), fresh);
		if (first == null) {
			return fresh;
		}
		this.duplicates.incrementAndGet();
		return idempotent ? first : fresh;
	}

	void recordMessage(RecordedInbound message) {
		this.messagesByGenesysId.putIfAbsent(message.genesysMessageId(), message);
		this.messages.add(message);
		this.messagesAccepted.incrementAndGet();
	}

	void recordReceipt(RecordedInbound receipt) {
		this.receipts.add(receipt);
		this.receiptsAccepted.incrementAndGet();
	}

	void recordEvent(RecordedInbound event) {
		this.events.add(event);
		this.eventsAccepted.incrementAndGet();
	}

	void recordAgentless(RecordedAgentless message) {
		this.agentless.add(message);
	}

	Optional<RecordedInbound> messageByGenesysId(String genesysMessageId) {
		return Optional.ofNullable(this.messagesByGenesysId.get(genesysMessageId));
	}

	List<RecordedInbound> messages() {
		return List.copyOf(this.messages);
	}

	List<RecordedInbound> receipts() {
		return List.copyOf(this.receipts);
	}

	List<RecordedInbound> events() {
		return List.copyOf(this.events);
	}

	List<RecordedAgentless> agentless() {
		return List.copyOf(this.agentless);
	}

	/** The last {@code limit} accepted messages, oldest first. */
	List<RecordedInbound> lastMessages(int limit) {
		List<RecordedInbound> all = new ArrayList<>(this.messages);
		return all.subList(Math.max(0, all.size() - limit), all.size());
	}

	int attempts() {
		return this.attempts.get();
	}

	int messagesAccepted() {
		return this.messagesAccepted.get();
	}

	int receiptsAccepted() {
		return this.receiptsAccepted.get();
	}

	int eventsAccepted() {
		return this.eventsAccepted.get();
	}

	long duplicates() {
		return this.duplicates.get();
	}

	void clear() {
		this.messages.clear();
		this.receipts.clear();
		this.events.clear();
		this.agentless.clear();
		this.messagesAccepted.set(0);
		this.receiptsAccepted.set(0);
		this.eventsAccepted.set(0);
		this.attempts.set(0);
		this.duplicates.set(0);
		this.conversations.clear();
		this.firstIdByChannelMessageId.clear();
		this.messagesByGenesysId.clear();
	}

	private static String key(String integrationId, String value) {
		return integrationId + '\u0000' + value;
	}

}
