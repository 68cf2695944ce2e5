package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.groups.Tuple.tuple;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the message-conversation API: conversations created by inbound messages and by
 * seeding, message data, disconnecting a participant, attributes and agent typing, with
 * the status codes of the contract notes §4 (202, 204, 404).
 */
class ConversationApiTests {

	private static final String CUSTOMER = "+33611111111";

	private static final String BASE = "/api/v2/conversations/messages/";

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
	void shouldListTheCustomerAndTheirMessagesWhenInboundMessagesCreatedTheConversation() {
		String first = (String) GenesysHttp.json(send("wamid.1", "hello")).get("id");
		String second = (String) GenesysHttp.json(send("wamid.2", "anyone?")).get("id");
		String conversationId = this.fake.conversationId(GenesysHttp.INTEGRATION, CUSTOMER).orElseThrow();

		HttpResponse<String> response = this.http.get(BASE + conversationId, this.bearer);

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat(body).containsEntry("id", conversationId).containsEntry("selfUri", BASE + conversationId);
		Map<String, Object> customer = onlyParticipant(body);
		assertThat(customer).containsEntry("purpose", "customer")
			.containsEntry("state", "connected")
			.containsEntry("direction", "inbound")
			.containsEntry("type", "open")
			.containsEntry("address", CUSTOMER);
		assertThat(GenesysHttp.object(customer.get("fromAddress"))).containsEntry("addressNormalized", CUSTOMER);
		assertThat(customer.get("messages")).asInstanceOf(LIST)
			.extracting((message) -> GenesysHttp.object(message).get("messageId"))
			.containsExactly(first, second);
	}

	@Test
	void shouldReturnMessageDataWhenAMessageOfTheConversationIsAsked() {
		String id = (String) GenesysHttp.json(send("wamid.1", "hello")).get("id");
		String conversationId = this.fake.conversationId(GenesysHttp.INTEGRATION, CUSTOMER).orElseThrow();

		HttpResponse<String> response = this.http.get(BASE + conversationId + "/messages/" + id, this.bearer);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(GenesysHttp.json(response)).containsEntry("id", id)
			.containsEntry("conversationId", conversationId)
			.containsEntry("direction", "inbound")
			.containsEntry("messengerType", "open")
			.containsEntry("textBody", "hello")
			.containsEntry("status", "received");
		GenesysErrors.assertErrorBody(this.http.get(BASE + conversationId + "/messages/" + "0".repeat(32), this.bearer),
				404, "not.found");
	}

	@Test
	void shouldAnswer404WhenTheConversationIsUnknown() {
		String unknown = BASE + "00000000-0000-4000-8000-000000000000";

		GenesysErrors.assertErrorBody(this.http.get(unknown, this.bearer), 404, "not.found");
		GenesysErrors.assertErrorBody(this.http.patch(unknown + "/participants/p/attributes", this.bearer,
				"{\"attributes\":{}}"), 404, "not.found");
	}

	@Test
	void shouldSeedACustomerAndAnAgentWithOneMessageEach() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, "user-1");

		Map<String, Object> body = GenesysHttp.json(this.http.get(BASE + seeded.id(), this.bearer));

		assertThat(body.get("participants")).asInstanceOf(LIST)
			.extracting((p) -> GenesysHttp.object(p).get("purpose"), (p) -> GenesysHttp.object(p).get("id"))
			.containsExactly(tuple("customer", seeded.customerParticipantId()),
					tuple("agent", seeded.agentParticipantId()));
		Map<String, Object> reply = GenesysHttp
			.json(this.http.get(BASE + seeded.id() + "/messages/" + seeded.messageIds().get(1), this.bearer));
		assertThat(reply).containsEntry("direction", "outbound")
			.containsEntry("textBody", FakeConversations.SEEDED_AGENT_TEXT)
			.containsEntry("status", "sent");
		assertThat(GenesysHttp.object(reply.get("toAddress"))).containsEntry("addressNormalized", CUSTOMER);
	}

	@Test
	void shouldDisconnectTheCustomerAndStartANewConversationOnTheirNextMessage() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);
		String participant = BASE + seeded.id() + "/participants/" + seeded.customerParticipantId();

		HttpResponse<String> response = this.http.patch(participant, this.bearer, "{\"state\":\"disconnected\"}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEmpty();
		assertThat(this.fake.conversations().participantState(seeded.id(), seeded.customerParticipantId()))
			.contains("disconnected");
		Map<String, Object> customer = GenesysHttp.object(
				((List<?>) GenesysHttp.json(this.http.get(BASE + seeded.id(), this.bearer)).get("participants")).get(0));
		assertThat(customer).containsEntry("state", "disconnected").containsKey("endTime");
		send("wamid.after", "back again");
		assertThat(this.fake.conversationId(GenesysHttp.INTEGRATION, CUSTOMER)).isPresent().get().isNotEqualTo(seeded.id());
	}

	@Test
	void shouldRejectAnUnknownParticipantStateWith400() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);

		GenesysErrors.assertErrorBody(this.http.patch(BASE + seeded.id() + "/participants/"
				+ seeded.customerParticipantId(), this.bearer, "{\"state\":\"gone\"}"), 400, "invalid.value");
		GenesysErrors.assertErrorBody(this.http.patch(BASE + seeded.id() + "/participants/nobody", this.bearer,
				"{\"state\":\"disconnected\"}"), 404, "not.found");
	}

	@Test
	void shouldMergeParticipantAttributesAndAnswer202() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);
		String path = BASE + seeded.id() + "/participants/" + seeded.customerParticipantId() + "/attributes";

		this.http.patch(path, this.bearer, "{\"attributes\":{\"orderId\":\"4711\"}}");
		HttpResponse<String> response = this.http.patch(path, this.bearer, "{\"attributes\":{\"tier\":\"gold\"}}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(GenesysHttp.object(GenesysHttp.json(response).get("attributes")))
			.containsExactlyInAnyOrderEntriesOf(Map.of("orderId", "4711", "tier", "gold"));
		assertThat(this.fake.conversations().participantAttributes(seeded.id(), seeded.customerParticipantId()))
			.containsEntry("tier", "gold");
		GenesysErrors.assertErrorBody(this.http.patch(path, this.bearer, "{\"attributes\":{\"n\":1}}"), 400,
				"invalid.value");
		GenesysErrors.assertErrorBody(this.http.patch(path, this.bearer, "{\"other\":{}}"), 400, "bad.request");
	}

	@Test
	void shouldAcceptAgentTypingWith204() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);
		String path = BASE + seeded.id() + "/communications/" + seeded.agentParticipantId() + "/typing";

		HttpResponse<String> response = this.http.post(path, this.bearer, "{\"typing\":{\"type\":\"On\",\"duration\":5000}}");

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.fake.conversations().typingIndicators(seeded.id(), seeded.agentParticipantId())).isEqualTo(1);
		GenesysErrors.assertErrorBody(this.http.post(path, this.bearer, "{\"typing\":{\"type\":\"Off\"}}"), 400,
				"bad.request");
		GenesysErrors.assertErrorBody(this.http.post(BASE + seeded.id() + "/communications/nobody/typing", this.bearer,
				"{\"typing\":{\"type\":\"On\"}}"), 404, "not.found");
	}

	@Test
	void shouldApplyInjectedFaultsToConversationCalls() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);
		this.fake.failNext(1, 429);

		HttpResponse<String> limited = this.http.get(BASE + seeded.id(), this.bearer);

		GenesysErrors.assertErrorBody(limited, 429, "too.many.requests.retry.after");
		assertThat(limited.headers().firstValue("Retry-After")).contains("1");
		assertThat(this.http.get(BASE + seeded.id(), this.bearer).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldForgetConversationsOnReset() {
		FakeConversation seeded = this.fake.conversations().seed(GenesysHttp.INTEGRATION, CUSTOMER, null);

		this.fake.reset();
		String bearer = GenesysHttp.bearer(this.http.token());

		GenesysErrors.assertErrorBody(this.http.get(BASE + seeded.id(), bearer), 404, "not.found");
		assertThat(this.fake.conversations().count()).isZero();
	}

	private HttpResponse<String> send(String messageId, String text) {
		return this.http.message(this.bearer.substring("Bearer ".length()),
				GenesysHttp.textMessage(CUSTOMER, messageId, text));
	}

	private static Map<String, Object> onlyParticipant(Map<String, Object> conversation) {
		List<?> participants = (List<?>) conversation.get("participants");
		assertThat(participants).hasSize(1);
		return GenesysHttp.object(participants.get(0));
	}

}
