package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code POST /api/v2/conversations/messages/agentless}: 202 with the message and
 * conversation ids, the 2000-character limit, open messaging only, and which conversation
 * the message lands in.
 */
class AgentlessTests {

	private static final String CUSTOMER = "+33622222222";

	private FakeGenesys fake;

	private GenesysHttp http;

	private String bearer;

	@BeforeEach
	void startFake() {
		this.fake = GenesysHttp.startFake();
		this.http = new GenesysHttp(this.fake);
		this.bearer = GenesysHttp.bearer(this.http.token());
	}

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	@Test
	void shouldAcceptAnOpenTextMessageAndStartAConversationTheCustomerJoins() {
		HttpResponse<String> response = send(body(GenesysHttp.INTEGRATION, "open", "Your order shipped"));

		assertThat(response.statusCode()).isEqualTo(202);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat((String) body.get("id")).matches("[0-9a-f]{32}");
		assertThat(body).containsEntry("fromAddress", GenesysHttp.INTEGRATION)
			.containsEntry("toAddress", CUSTOMER)
			.containsEntry("messengerType", "open")
			.containsEntry("textBody", "Your order shipped");
		String conversationId = (String) body.get("conversationId");
		assertThat(this.fake.conversations().agentlessMessages()).singleElement()
			.satisfies((recorded) -> assertThat(recorded.conversationId()).isEqualTo(conversationId));
		Map<String, Object> message = GenesysHttp.json(this.http.get(
				"/api/v2/conversations/messages/" + conversationId + "/messages/" + body.get("id"), this.bearer));
		assertThat(message).containsEntry("direction", "outbound").containsEntry("textBody", "Your order shipped");
		this.http.message(this.bearer.substring(7), GenesysHttp.textMessage(CUSTOMER, "wamid.1", "thanks"));
		assertThat(this.fake.conversationId(GenesysHttp.INTEGRATION, CUSTOMER)).contains(conversationId);
	}

	@Test
	void shouldStartANewConversationUnlessTheActiveOneIsAsked() {
		this.http.message(this.bearer.substring(7), GenesysHttp.textMessage(CUSTOMER, "wamid.1", "hi"));
		String active = this.fake.conversationId(GenesysHttp.INTEGRATION, CUSTOMER).orElseThrow();

		String joined = (String) GenesysHttp.json(send(body(GenesysHttp.INTEGRATION, "open", "a")
			.replace("}", ",\"useExistingActiveConversation\":true}"))).get("conversationId");
		String fresh = (String) GenesysHttp.json(send(body(GenesysHttp.INTEGRATION, "open", "b"))).get("conversationId");

		assertThat(joined).isEqualTo(active);
		assertThat(fresh).isNotEqualTo(active);
	}

	@Test
	void shouldRejectTextOver2000CharactersAndNonOpenMessengers() {
		GenesysErrors.assertErrorBody(send(body(GenesysHttp.INTEGRATION, "open", "x".repeat(2001))), 400,
				"invalid.value");
		assertThat(send(body(GenesysHttp.INTEGRATION, "open", "x".repeat(2000))).statusCode()).isEqualTo(202);
		GenesysErrors.assertErrorBody(send(body(GenesysHttp.INTEGRATION, "sms", "hi")), 400, "invalid.value");
		GenesysErrors.assertErrorBody(send("{\"fromAddress\":\"" + GenesysHttp.INTEGRATION
				+ "\",\"toAddressMessengerType\":\"open\",\"textBody\":\"hi\"}"), 400, "invalid.value");
		GenesysErrors.assertErrorBody(send("not json"), 400, "bad.request");
	}

	@Test
	void shouldAnswer404ForAnUnknownIntegration() {
		GenesysErrors.assertErrorBody(send(body("no-such-integration", "open", "hi")), 404, "not.found");
		assertThat(this.fake.conversations().agentlessMessages()).isEmpty();
	}

	private HttpResponse<String> send(String body) {
		return this.http.post("/api/v2/conversations/messages/agentless", this.bearer, body);
	}

	private static String body(String integrationId, String messengerType, String text) {
		return """
				{"fromAddress":"%s","toAddress":"%s","toAddressMessengerType":"%s","textBody":"%s"}"""
			.formatted(integrationId, CUSTOMER, messengerType, text);
	}

}
