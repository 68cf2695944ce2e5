package io.genesysbridge.backend.api;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.genesysbridge.backend.genesys.ConversationMessages;
import io.genesysbridge.backend.genesys.GenesysConversationsClient;

/**
 * A tenant's Genesys message conversations: read one and its messages, set participant
 * attributes, disconnect the customer, show the agent typing. Genesys models are passed
 * through as Genesys returns them.
 */
@RestController
@RequestMapping(path = ApiPaths.TENANT + "/conversations/{conversationId}",
		produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations", description = "Genesys message conversations")
class ConversationController {

	private static final String ID = ApiPaths.ID;

	private static final String WHY = ApiPaths.ID_MESSAGE;

	private final TenantResolver tenants;

	private final GenesysConversationsClient genesys;

	private final int maxMessages;

	ConversationController(TenantResolver tenants, GenesysConversationsClient genesys, ApiProperties properties) {
		this.tenants = tenants;
		this.genesys = genesys;
		this.maxMessages = properties.maxConversationMessages();
	}

	@GetMapping
	@Operation(summary = "Get a conversation",
			description = "The Genesys MessageConversation: participants with purpose, state, attributes and messages.")
	Mono<JsonNode> conversation(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId) {
		return this.tenants.resolve(tenantId).flatMap((tenant) -> this.genesys.conversation(tenant, conversationId));
	}

	@GetMapping("/messages")
	@Operation(summary = "Get the messages of a conversation",
			description = "Each as Genesys MessageData, oldest first; at most app.api.max-conversation-messages "
					+ "(the newest), since each costs one Genesys call.")
	Mono<ConversationMessages> messages(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId) {
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.messages(tenant, conversationId, this.maxMessages));
	}

	@GetMapping("/messages/{messageId}")
	@Operation(summary = "Get one message of a conversation", description = "The Genesys MessageData.")
	Mono<JsonNode> message(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String messageId) {
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.message(tenant, conversationId, messageId));
	}

	@PatchMapping("/participants/{participantId}/attributes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Set participant attributes", description = "Merged into the participant's attributes.")
	Mono<Void> attributes(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String participantId,
			@Valid @RequestBody ConversationRequests.Attributes request) {
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.updateParticipantAttributes(tenant, conversationId, participantId,
					request.attributes()));
	}

	@PostMapping("/disconnect")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Disconnect the customer",
			description = "Sets the customer participant's state to disconnected; 409 if there is none.")
	Mono<ConversationRequests.Disconnected> disconnect(
			@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId) {
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.disconnectCustomer(tenant, conversationId))
			.switchIfEmpty(Mono.error(() -> ApiProblem.noCustomer(conversationId)))
			.map((done) -> new ConversationRequests.Disconnected(conversationId, done.participantId(),
					done.alreadyDisconnected()));
	}

	@PostMapping("/communications/{communicationId}/typing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Show the customer that the agent is typing",
			description = "Shown only where the integration's messaging setting enables outbound typing.")
	Mono<Void> typing(@PathVariable @Pattern(regexp = ID, message = WHY) String tenantId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String conversationId,
			@PathVariable @Pattern(regexp = ID, message = WHY) String communicationId,
			@Valid @RequestBody(required = false) ConversationRequests.@Nullable Typing request) {
		Duration duration = (request != null && request.durationMs() != null)
				? Duration.ofMillis(request.durationMs()) : null;
		return this.tenants.resolve(tenantId)
			.flatMap((tenant) -> this.genesys.agentTyping(tenant, conversationId, communicationId, duration));
	}

}
