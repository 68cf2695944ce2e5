package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks {@code /inbound/open/message}: response shape, conversation grouping, schema
 * violations, 404/415 and duplicates, so a schema drift in the fake shows up here first.
 */
class InboundMessageTests {

	private static final String TIME = "\"time\":\"2026-03-01T10:00:00.000Z\"";

	private static final String FROM = "\"from\":{\"id\":\"+33611111111\",\"idType\":\"Opaque\"}";

	private FakeGenesys fake;

	private GenesysHttp http;

	private String token;

	@BeforeEach
	void startFake() {
		this.fake = GenesysHttp.startFake();
		this.http = new GenesysHttp(this.fake);
		this.token = this.http.token();
	}

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	@Test
	void shouldAcceptTextMessageWithoutConversationIdWhenPrefetchIsNotAsked() {
		String sent = GenesysHttp.textMessage("+33611111111", "wamid.A1", "hello");

		HttpResponse<String> response = this.http.message(this.token, sent);

		assertThat(response.statusCode()).isEqualTo(202);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat((String) body.get("id")).matches("[0-9a-f]{32}");
		assertThat(body).containsEntry("type", "Text")
			.containsEntry("text", "hello")
			.doesNotContainKey("conversationId");
		Map<String, Object> channel = GenesysHttp.object(body.get("channel"));
		assertThat(channel).containsEntry("id", GenesysHttp.INTEGRATION)
			.containsEntry("platform", "Open")
			.containsEntry("type", "Private")
			.containsEntry("messageId", "wamid.A1")
			.containsEntry("to", Map.of("id", GenesysHttp.INTEGRATION))
			.containsEntry("from", Map.of("id", "+33611111111", "idType", "Opaque", "firstName", "Ana"))
			.containsEntry("time", "2026-03-01T10:00:00.000Z");
		assertThat(response.headers().firstValue("ININ-Correlation-Id")).isPresent();

		assertThat(this.fake.inboundMessages()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.integrationId()).isEqualTo(GenesysHttp.INTEGRATION);
			assertThat(recorded.body()).isEqualTo(sent);
			assertThat(recorded.channelMessageId()).isEqualTo("wamid.A1");
			assertThat(recorded.genesysMessageId()).isEqualTo(body.get("id"));
			assertThat(recorded.conversationId()).isNotBlank();
			assertThat(recorded.accessToken()).isEqualTo(this.token);
			assertThat(recorded.receivedAt()).isNotNull();
		});
	}

	@Test
	void shouldReturnConversationIdWhenPrefetchIsTrue() {
		HttpResponse<String> response = this.http.post(
				GenesysHttp.inboundPath(GenesysHttp.INTEGRATION, "message") + "?prefetchConversationId=true",
				GenesysHttp.bearer(this.token), GenesysHttp.textMessage("+33611111111", "wamid.A1", "hello"));

		assertThat(response.statusCode()).isEqualTo(202);
		String conversationId = (String) GenesysHttp.json(response).get("conversationId");
		assertThat(UUID.fromString(conversationId)).hasToString(conversationId);
		assertThat(this.fake.inboundMessages().getFirst().conversationId()).isEqualTo(conversationId);
		assertThat(this.fake.conversationId(GenesysHttp.INTEGRATION, "+33611111111")).contains(conversationId);
	}

	@Test
	void shouldGroupMessagesByCustomerAndIntegrationWhenAssigningConversations() {
		String otherIntegration = "other-integration";
		this.fake.registerIntegration(otherIntegration);
		String first = prefetch(GenesysHttp.INTEGRATION, "+33611111111", "wamid.1");
		String sameCustomer = prefetch(GenesysHttp.INTEGRATION, "+33611111111", "wamid.2");
		String otherCustomer = prefetch(GenesysHttp.INTEGRATION, "+33622222222", "wamid.3");
		String sameCustomerOtherIntegration = prefetch(otherIntegration, "+33611111111", "wamid.4");

		assertThat(sameCustomer).isEqualTo(first);
		assertThat(otherCustomer).isNotEqualTo(first);
		assertThat(sameCustomerOtherIntegration).isNotEqualTo(first).isNotEqualTo(otherCustomer);
	}

	@Test
	void shouldAnswerConfiguredStatusWhenSuccessStatusIs200() {
		this.fake.successStatus(200);

		assertThat(this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.1", "hi")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldAcceptAttachmentOnlyMessageWhenContentIsValid() {
		String body = "{\"channel\":{" + FROM + "," + TIME + "},\"content\":[{\"attachment\":{\"mediaType\":\"Image\","
				+ "\"url\":\"https://cdn.example/a.jpg\",\"mime\":\"image/jpeg\",\"filename\":\"a.jpg\"}}]}";

		HttpResponse<String> response = this.http.message(this.token, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(GenesysHttp.json(response)).doesNotContainKey("text");
		assertThat(GenesysHttp.json(response).get("content"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.hasSize(1);
	}

	@Test
	void shouldTolerateLegacyExtraFieldsWhenBodyUsesOldShape() {
		String body = "{\"type\":\"Text\",\"direction\":\"Inbound\",\"channel\":{\"platform\":\"Open\",\"type\":\"Private\","
				+ "\"to\":{\"id\":\"" + GenesysHttp.INTEGRATION + "\"}," + FROM + "," + TIME
				+ ",\"messageId\":\"wamid.X\","
				+ "\"metadata\":{\"customAttributes\":{\"waPhone\":\"+33611111111\"}}},\"text\":\"hi\","
				+ "\"content\":[{\"contentType\":\"Attachment\",\"attachment\":{\"mediaType\":\"File\","
				+ "\"url\":\"https://cdn.example/f.pdf\",\"mime\":\"application/pdf\"}}]}";

		HttpResponse<String> response = this.http.message(this.token, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(GenesysHttp.object(GenesysHttp.json(response).get("channel"))).containsKey("metadata");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					missing channel      | {"text":"hi"}                                                                        | bad.request   | should have required property 'channel'
					missing from         | {"channel":{TIME},"text":"hi"}                                                      | bad.request   | .channel should have required property 'from'
					missing from.id      | {"channel":{"from":{"idType":"Opaque"},TIME},"text":"hi"}                          | bad.request   | .channel.from should have required property 'id'
					missing idType       | {"channel":{"from":{"id":"+336"},TIME},"text":"hi"}                                | bad.request   | .channel.from should have required property 'idType'
					unknown idType       | {"channel":{"from":{"id":"+336","idType":"WhatsApp"},TIME},"text":"hi"}            | invalid.value | Value [WhatsApp] is not valid
					missing time         | {"channel":{FROM},"text":"hi"}                                                      | bad.request   | .channel should have required property 'time'
					unparsable time      | {"channel":{FROM,"time":"yesterday"},"text":"hi"}                                   | invalid.date  | Invalid date [yesterday]
					neither text nor content | {"channel":{FROM,TIME}}                                                         | bad.request   | should have required property 'content', should have required property '.text', should match some schema in anyOf
					text not a string    | {"channel":{FROM,TIME},"text":42}                                                   | bad.request   | .text should be string
					empty text only      | {"channel":{FROM,TIME},"text":""}                                                   | bad.request   | .text should NOT be shorter than 1 characters
					content not an array | {"channel":{FROM,TIME},"content":{"attachment":{}}}                                 | bad.request   | .content should be array
					item without attachment | {"channel":{FROM,TIME},"content":[{"contentType":"Attachment"}]}                 | bad.request   | .content[0] should have required property 'attachment'
					unknown mediaType    | {"channel":{FROM,TIME},"content":[{"attachment":{"mediaType":"Sticker","url":"https://x/y","mime":"image/webp"}}]} | invalid.value | Value [Sticker] is not valid
					attachment without url | {"channel":{FROM,TIME},"content":[{"attachment":{"mediaType":"Image","mime":"image/png"}}]} | bad.request | .content[0].attachment should have required property 'url'
					attachment without mime | {"channel":{FROM,TIME},"content":[{"attachment":{"mediaType":"Image","url":"https://x/y"}}]} | bad.request | .content[0].attachment should have required property 'mime'
					not json             | {"channel":                                                                           | bad.request   | Unable to parse
					json array           | [1,2]                                                                                 | bad.request   | must be a JSON object
					""")
	void shouldAnswer400WithSchemaMessageWhenBodyViolatesSchema(String name, String template, String code,
			String expectedMessage) {
		String body = template.replace("TIME", TIME).replace("FROM", FROM);

		HttpResponse<String> response = this.http.message(this.token, body);

		Map<String, Object> error = GenesysErrors.assertErrorBody(response, 400, code);
		assertThat((String) error.get("message")).contains(expectedMessage);
		assertThat(this.fake.inboundMessages()).isEmpty();
		assertThat(this.fake.inboundAttempts()).isEqualTo(1);
	}

	@Test
	void shouldAnswer404WhenIntegrationIsUnknown() {
		HttpResponse<String> response = this.http.post(GenesysHttp.inboundPath("no-such-integration", "message"),
				GenesysHttp.bearer(this.token), GenesysHttp.textMessage("+336", "wamid.1", "hi"));

		GenesysErrors.assertErrorBody(response, 404, "not.found");
		assertThat(this.fake.inboundMessages()).isEmpty();
	}

	@Test
	void shouldAnswer415WhenContentTypeIsNotJson() {
		HttpResponse<String> response = this.http.post(GenesysHttp.inboundPath(GenesysHttp.INTEGRATION, "message"),
				GenesysHttp.bearer(this.token), GenesysHttp.textMessage("+336", "wamid.1", "hi"), "text/plain");

		GenesysErrors.assertErrorBody(response, 415, "unsupported.media.type");
	}

	@Test
	void shouldAcceptDuplicateWithNewIdAndCountItWhenMessageIdRepeats() {
		String first = (String) GenesysHttp
			.json(this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.D", "one")))
			.get("id");
		HttpResponse<String> again = this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.D", "one"));
		this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.E", "two"));

		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(GenesysHttp.json(again).get("id")).isNotEqualTo(first);
		assertThat(this.fake.duplicatesSeen()).isEqualTo(1);
		assertThat(this.fake.inboundMessages()).extracting(RecordedInbound::channelMessageId)
			.containsExactly("wamid.D", "wamid.D", "wamid.E");
	}

	@Test
	void shouldReturnFirstIdWhenIdempotentDuplicatesAreOn() {
		this.fake.idempotentDuplicates(true);
		Object first = GenesysHttp.json(this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.D", "x")))
			.get("id");

		Object second = GenesysHttp.json(this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.D", "x")))
			.get("id");

		assertThat(second).isEqualTo(first);
		assertThat(this.fake.duplicatesSeen()).isEqualTo(1);
	}

	@Test
	void shouldExposeConversationIdWhenMessageDetailsAreFetched() {
		String id = (String) GenesysHttp
			.json(this.http.message(this.token, GenesysHttp.textMessage("+336", "wamid.1", "hi")))
			.get("id");

		HttpResponse<String> details = this.http.get("/api/v2/conversations/messages/" + id + "/details",
				GenesysHttp.bearer(this.token));

		assertThat(details.statusCode()).isEqualTo(200);
		assertThat(GenesysHttp.json(details)).containsEntry("id", id)
			.containsEntry("conversationId", this.fake.inboundMessages().getFirst().conversationId());
		GenesysErrors.assertErrorBody(this.http.get("/api/v2/conversations/messages/" + "0".repeat(32) + "/details",
				GenesysHttp.bearer(this.token)), 404, "not.found");
	}

	@Test
	void shouldKeepArrivalOrderWhenRecordingMessages() {
		List<String> ids = List.of("wamid.1", "wamid.2", "wamid.3", "wamid.4");
		ids.forEach((id) -> this.http.message(this.token, GenesysHttp.textMessage("+336", id, id)));

		assertThat(this.fake.inboundMessages()).extracting(RecordedInbound::channelMessageId)
			.containsExactlyElementsOf(ids);
	}

	private String prefetch(String integrationId, String customerId, String messageId) {
		HttpResponse<String> response = this.http.post(
				GenesysHttp.inboundPath(integrationId, "message") + "?prefetchConversationId=true",
				GenesysHttp.bearer(this.token), GenesysHttp.textMessage(customerId, messageId, "hi"));
		assertThat(response.statusCode()).isEqualTo(202);
		return (String) GenesysHttp.json(response).get("conversationId");
	}

}
