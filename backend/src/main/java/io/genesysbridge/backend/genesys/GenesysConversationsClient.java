package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Message-conversation calls on behalf of a tenant (contract notes §4): read a conversation
 * and its messages, set participant attributes, disconnect the customer, show the agent
 * typing, and send agentless messages. Genesys models come back as loose JSON, so new Genesys
 * fields pass through untouched. Failures surface as {@link GenesysClientException}s (and
 * whatever the guards of {@link GenesysHttp} raise), never as WebClient exceptions.
 *
 * <p>
 * Every call counts against the tenant's Genesys rate limit; listing messages costs one call
 * per message, which is why it takes a limit.
 */
public class GenesysConversationsClient {

	static final String CONVERSATION = "conversation";

	static final String CONVERSATION_MESSAGE = "conversation-message";

	static final String PARTICIPANT_ATTRIBUTES = "participant-attributes";

	static final String PARTICIPANT_DISCONNECT = "participant-disconnect";

	static final String AGENT_TYPING = "agent-typing";

	static final String AGENTLESS_MESSAGE = "agentless-message";

	private static final String CONVERSATION_PATH = "/api/v2/conversations/messages/{conversationId}";

	private static final String PARTICIPANT_PATH = CONVERSATION_PATH + "/participants/{participantId}";

	/** Parallel message fetches per listing: fast enough, gentle on the rate limit. */
	private static final int MESSAGE_FETCH_CONCURRENCY = 4;

	private final GenesysHttp http;

	GenesysConversationsClient(GenesysHttp http) {
		this.http = http;
	}

	/**
	 * @param tenant the tenant
	 * @param conversationId a message conversation
	 * @return the {@code MessageConversation}: participants with purpose, state, attributes
	 * and {@code messages[]}
	 */
	public Mono<JsonNode> conversation(Tenant tenant, String conversationId) {
		return this.http.call(tenant, CONVERSATION, HttpMethod.GET, CONVERSATION_PATH, null, JsonNode.class,
				conversationId);
	}

	/**
	 * @param tenant the tenant
	 * @param conversationId the conversation
	 * @param messageId a message of that conversation
	 * @return the {@code MessageData}
	 */
	public Mono<JsonNode> message(Tenant tenant, String conversationId, String messageId) {
		return this.http.call(tenant, CONVERSATION_MESSAGE, HttpMethod.GET, CONVERSATION_PATH + "/messages/{messageId}",
				null, JsonNode.class, conversationId, messageId);
	}

	/**
	 * Reads the conversation, then its newest messages one by one.
	 * @param tenant the tenant
	 * @param conversationId the conversation
	 * @param limit most messages to fetch; older ones are left out
	 * @return the messages, oldest first
	 */
	public Mono<ConversationMessages> messages(Tenant tenant, String conversationId, int limit) {
		return conversation(tenant, conversationId).flatMap((conversation) -> {
			List<String> ids = ConversationMessages.idsOf(conversation);
			List<String> newest = ids.subList(Math.max(0, ids.size() - limit), ids.size());
			return Flux.fromIterable(newest)
				.flatMapSequential((id) -> message(tenant, conversationId, id), MESSAGE_FETCH_CONCURRENCY)
				.collectList()
				.map((messages) -> new ConversationMessages(conversationId, messages, ids.size(),
						newest.size() < ids.size()));
		});
	}

	/**
	 * Merges attributes into a participant's (Genesys answers 202).
	 * @param tenant the tenant
	 * @param conversationId the conversation
	 * @param participantId the participant
	 * @param attributes names and values to set
	 * @return completion
	 */
	public Mono<Void> updateParticipantAttributes(Tenant tenant, String conversationId, String participantId,
			Map<String, String> attributes) {
		return this.http
			.call(tenant, PARTICIPANT_ATTRIBUTES, HttpMethod.PATCH, PARTICIPANT_PATH + "/attributes",
					Map.of("attributes", attributes), String.class, conversationId, participantId)
			.then();
	}

	/**
	 * Ends the customer's side of a conversation: reads it, picks the participant with
	 * purpose {@code customer} and sets its state to {@code disconnected} (Genesys answers
	 * 202). A customer who already left is reported, not disconnected again.
	 * @param tenant the tenant
	 * @param conversationId the conversation
	 * @return the outcome, or empty if the conversation has no customer participant
	 */
	public Mono<CustomerDisconnect> disconnectCustomer(Tenant tenant, String conversationId) {
		return conversation(tenant, conversationId)
			.flatMap((conversation) -> Mono.justOrEmpty(CustomerDisconnect.customerOf(conversation)))
			.flatMap((customer) -> {
				String participantId = customer.path("id").asString();
				if (CustomerDisconnect.hasEnded(customer)) {
					return Mono.just(new CustomerDisconnect(participantId, true));
				}
				return this.http
					.call(tenant, PARTICIPANT_DISCONNECT, HttpMethod.PATCH, PARTICIPANT_PATH,
							Map.of("state", "disconnected"), String.class, conversationId, participantId)
					.then(Mono.just(new CustomerDisconnect(participantId, false)));
			});
	}

	/**
	 * Shows the customer that the agent is typing (Genesys answers 204). Genesys forwards it
	 * only where the integration's messaging setting enables outbound typing.
	 * @param tenant the tenant
	 * @param conversationId the conversation
	 * @param communicationId the agent's communication
	 * @param duration how long to show it, or null for the Genesys default
	 * @return completion
	 */
	public Mono<Void> agentTyping(Tenant tenant, String conversationId, String communicationId,
			@Nullable Duration duration) {
		Map<String, Object> typing = new LinkedHashMap<>();
		typing.put("type", "On");
		if (duration != null) {
			typing.put("duration", duration.toMillis());
		}
		return this.http
			.call(tenant, AGENT_TYPING, HttpMethod.POST, CONVERSATION_PATH + "/communications/{communicationId}/typing",
					Map.of("typing", typing), String.class, conversationId, communicationId)
			.then();
	}

	/**
	 * Sends a message to a customer without an agent, e.g. a notification.
	 * @param tenant the tenant
	 * @param message the message
	 * @return the Genesys message and conversation ids
	 */
	public Mono<AgentlessResult> sendAgentless(Tenant tenant, AgentlessMessage message) {
		return this.http
			.call(tenant, AGENTLESS_MESSAGE, HttpMethod.POST, "/api/v2/conversations/messages/agentless", message,
					AgentlessResult.class)
			.defaultIfEmpty(new AgentlessResult(null, null, null));
	}

}
