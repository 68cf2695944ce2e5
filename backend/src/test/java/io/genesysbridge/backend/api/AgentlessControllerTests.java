package io.genesysbridge.backend.api;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agentless outbound text through the API: accepted with the Genesys ids, Genesys's
 * 2000-character limit checked before calling it.
 */
class AgentlessControllerTests extends ApiTestSupport {

	@Test
	void shouldSendTheMessageAndAnswerWithTheGenesysIds() {
		api().post()
			.uri(tenantPath("/agentless-messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"toAddress\":\"+33622222222\",\"text\":\"Your order shipped\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.id")
			.isNotEmpty()
			.jsonPath("$.conversationId")
			.isNotEmpty();

		assertThat(ApiFixtures.FAKE.conversations().agentlessMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.integrationId()).isEqualTo(ApiFixtures.INTEGRATION);
			assertThat(sent.textBody()).isEqualTo("Your order shipped");
		});
	}

	@Test
	void shouldRefuseTextOver2000CharactersWithoutCallingGenesys() {
		api().post()
			.uri(tenantPath("/agentless-messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"toAddress\":\"+33622222222\",\"text\":\"" + "x".repeat(2001) + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.fields[0].field")
			.isEqualTo("text");

		assertThat(ApiFixtures.FAKE.conversations().agentlessMessages()).isEmpty();
	}

	@Test
	void shouldAnswer409ForATenantWithoutIntegration() {
		api().post()
			.uri(BASE + ApiFixtures.NO_INTEGRATION_TENANT.id() + "/agentless-messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"toAddress\":\"+33622222222\",\"text\":\"hi\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

}
