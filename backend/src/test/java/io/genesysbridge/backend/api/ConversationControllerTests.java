package io.genesysbridge.backend.api;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.genesysbridge.fake.FakeConversation;
import io.genesysbridge.fake.FakeConversations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations through the API: reading, attributes, disconnect and typing, and how Genesys
 * errors (404, 429, 400, 503) come back as JSON with the Genesys status and context id.
 */
class ConversationControllerTests extends ApiTestSupport {

	private static final String CUSTOMER = "+33611111111";

	private FakeConversation seeded;

	private String path;

	@BeforeEach
	void seed() {
		this.seeded = ApiFixtures.FAKE.conversations().seed(ApiFixtures.INTEGRATION, CUSTOMER, ApiFixtures.USER_IDS.get(0));
		this.path = tenantPath("/conversations/" + this.seeded.id());
	}

	@Test
	void shouldReturnTheGenesysConversation() {
		api().get()
			.uri(this.path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.seeded.id())
			.jsonPath("$.participants[0].purpose")
			.isEqualTo("customer")
			.jsonPath("$.participants[1].user.id")
			.isEqualTo(ApiFixtures.USER_IDS.get(0));
	}

	@Test
	void shouldReturnTheMessagesOldestFirst() {
		api().get()
			.uri(this.path + "/messages")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conversationId")
			.isEqualTo(this.seeded.id())
			.jsonPath("$.total")
			.isEqualTo(2)
			.jsonPath("$.truncated")
			.isEqualTo(false)
			.jsonPath("$.messages[0].textBody")
			.isEqualTo(FakeConversations.SEEDED_CUSTOMER_TEXT)
			.jsonPath("$.messages[1].direction")
			.isEqualTo("outbound");
		api().get()
			.uri(this.path + "/messages/" + this.seeded.messageIds().get(1))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.textBody")
			.isEqualTo(FakeConversations.SEEDED_AGENT_TEXT);
	}

	@Test
	void shouldAnswerAGenesys404As404JsonWithTheContextId() {
		api().get()
			.uri(tenantPath("/conversations/00000000-0000-4000-8000-000000000000"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("genesys_error")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.code")
			.isEqualTo("not.found")
			.jsonPath("$.operation")
			.isEqualTo("conversation")
			.jsonPath("$.contextId")
			.value((contextId) -> assertThat(contextId.toString()).matches("[0-9a-f-]{36}"))
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void shouldAnswerAGenesys429As429WithRetryAfter() {
		ApiFixtures.FAKE.retryAfter(Duration.ofSeconds(7));
		ApiFixtures.FAKE.failNext(1, 429);

		api().get()
			.uri(this.path)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "7")
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("genesys_error")
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.code")
			.isEqualTo("too.many.requests.retry.after")
			.jsonPath("$.contextId")
			.isNotEmpty();
	}

	@Test
	void shouldAnswerAGenesys503As503AndAGenesys400As422() {
		ApiFixtures.FAKE.failNext(1, 503);
		api().get().uri(this.path).exchange().expectStatus().isEqualTo(503).expectBody().jsonPath("$.status").isEqualTo(503);

		api().post()
			.uri(this.path + "/communications/" + this.seeded.agentParticipantId() + "/typing")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isNoContent();
		ApiFixtures.FAKE.failNext(1, 400);
		api().post()
			.uri(this.path + "/communications/" + this.seeded.agentParticipantId() + "/typing")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.code")
			.isEqualTo("bad.request");
	}

	@Test
	void shouldSetParticipantAttributes() {
		api().patch()
			.uri(this.path + "/participants/" + this.seeded.customerParticipantId() + "/attributes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"attributes\":{\"orderId\":\"4711\",\"tier\":\"gold\"}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(ApiFixtures.FAKE.conversations()
			.participantAttributes(this.seeded.id(), this.seeded.customerParticipantId()))
			.containsEntry("orderId", "4711")
			.containsEntry("tier", "gold");
	}

	@Test
	void shouldRefuseEmptyOrInvalidAttributesWith400() {
		for (String body : new String[] { "{\"attributes\":{}}", "{\"attributes\":{\"\":\"x\"}}", "{}" }) {
			api().patch()
				.uri(this.path + "/participants/" + this.seeded.customerParticipantId() + "/attributes")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("validation_failed");
		}
	}

	@Test
	void shouldDisconnectTheCustomer() {
		api().post()
			.uri(this.path + "/disconnect")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.participantId")
			.isEqualTo(this.seeded.customerParticipantId())
			.jsonPath("$.alreadyDisconnected")
			.isEqualTo(false);

		assertThat(ApiFixtures.FAKE.conversations().participantState(this.seeded.id(), this.seeded.customerParticipantId()))
			.contains("disconnected");
		api().post()
			.uri(this.path + "/disconnect")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.alreadyDisconnected")
			.isEqualTo(true);
	}

	@Test
	void shouldShowTheAgentTyping() {
		api().post()
			.uri(this.path + "/communications/" + this.seeded.agentParticipantId() + "/typing")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"durationMs\":3000}")
			.exchange()
			.expectStatus()
			.isNoContent();

		assertThat(ApiFixtures.FAKE.conversations().typingIndicators(this.seeded.id(), this.seeded.agentParticipantId()))
			.isEqualTo(1);
	}

	@Test
	void shouldRefuseAnInvalidIdWith400() {
		api().get()
			.uri(tenantPath("/conversations/{id}"), "bad id!")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("validation_failed")
			.jsonPath("$.fields[0].field")
			.isEqualTo("conversationId");
	}

}
