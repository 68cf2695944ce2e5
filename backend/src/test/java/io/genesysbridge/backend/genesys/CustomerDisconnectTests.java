package io.genesysbridge.backend.genesys;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerDisconnectTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldPreferTheConnectedCustomer() {
		JsonNode conversation = JSON.readTree("""
				{"participants":[{"id":"old","purpose":"customer","state":"disconnected"},
				 {"id":"agent","purpose":"agent","state":"connected"},
				 {"id":"new","purpose":"Customer","state":"connected"}]}""");

		assertThat(CustomerDisconnect.customerOf(conversation)).get()
			.satisfies((p) -> assertThat(p.path("id").asString()).isEqualTo("new"));
	}

	@Test
	void shouldFallBackToADisconnectedCustomerAndToNothing() {
		JsonNode ended = JSON.readTree("{\"participants\":[{\"id\":\"old\",\"purpose\":\"customer\",\"state\":\"terminated\"}]}");
		JsonNode agentOnly = JSON.readTree("{\"participants\":[{\"id\":\"a\",\"purpose\":\"agent\"}]}");

		assertThat(CustomerDisconnect.customerOf(ended)).get()
			.satisfies((p) -> assertThat(CustomerDisconnect.hasEnded(p)).isTrue());
		assertThat(CustomerDisconnect.customerOf(agentOnly)).isEmpty();
		assertThat(CustomerDisconnect.customerOf(JSON.readTree("{}"))).isEmpty();
	}

	@Test
	void shouldOrderMessageIdsByTimeAndListEachOnce() {
		JsonNode conversation = JSON.readTree("""
				{"participants":[
				 {"messages":[{"messageId":"b","messageTime":"2026-01-01T10:00:02Z"},
				              {"messageId":"a","messageTime":"2026-01-01T10:00:01Z"}]},
				 {"messages":[{"messageId":"c","messageTime":"2026-01-01T10:00:03Z"},
				              {"messageId":"a","messageTime":"2026-01-01T10:00:01Z"}]}]}""");

		assertThat(ConversationMessages.idsOf(conversation)).containsExactly("a", "b", "c");
	}

}
