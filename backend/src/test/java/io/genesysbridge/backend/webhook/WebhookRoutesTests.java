package io.genesysbridge.backend.webhook;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WebhookRoutesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void shouldTurnAnAgentTextIntoTheContractEnvelopeAndRememberItsCustomer() {
		WebhookRoute route = route("""
				{"id":"g-1","channel":{"id":"int-1","platform":"Open","type":"Private","messageId":"g-1",
				"to":{"id":"919876543210","idType":"Phone"},"from":{"id":"int-1","idType":"Opaque"},
				"time":"2026-11-20T09:59:58.123Z"},"type":"Text","text":"Hello","originatingEntity":"Human",
				"direction":"Outbound","conversationId":"conv-1"}""");

		assertThat(route).isInstanceOfSatisfying(WebhookRoute.AgentMessageRoute.class, (message) -> {
			AgentMessageEnvelope envelope = message.envelope();
			assertThat(envelope.tenantId()).isEqualTo("tenant-1");
			assertThat(envelope.genesysId()).isEqualTo("g-1");
			assertThat(envelope.conversationId()).isEqualTo("conv-1");
			assertThat(envelope.type()).isEqualTo("message");
			assertThat(envelope.timestamp()).isEqualTo("2026-11-20T09:59:58.123Z");
			assertThat(envelope.payload().text()).isEqualTo("Hello");
			assertThat(envelope.payload().toId()).isEqualTo("919876543210");
			assertThat(envelope.payload().toIdType()).isEqualTo("Phone");
			assertThat(envelope.payload().media()).isNull();
			assertThat(message.memory().integrationId()).isEqualTo("int-1");
			assertThat(message.memory().customerId()).isEqualTo("919876543210");
			assertThat(message.memory().conversationId()).isEqualTo("conv-1");
		});
	}

	@Test
	void shouldSerializeTheEnvelopeWithTheContractsFieldNames() {
		WebhookRoute.AgentMessageRoute route = (WebhookRoute.AgentMessageRoute) route("""
				{"id":"g-2","channel":{"id":"int-1","to":{"id":"4711"},"time":"2026-11-20T09:59:58Z"},
				"type":"Text","content":[{"contentType":"Attachment","attachment":{"id":"a","mediaType":"Image",
				"url":"https://api-downloads.mypurecloud.com/x","mime":"image/png","filename":"x.png"}}],
				"direction":"Outbound"}""");

		String json = JSON.writeValueAsString(route.envelope());

		assertThat(json).isEqualTo("{\"tenantId\":\"tenant-1\",\"genesysId\":\"g-2\",\"conversationId\":null,"
				+ "\"type\":\"message\",\"timestamp\":\"2026-11-20T09:59:58Z\",\"payload\":{\"to_id\":\"4711\","
				+ "\"media\":{\"url\":\"https://api-downloads.mypurecloud.com/x\",\"contentType\":\"image/png\","
				+ "\"filename\":\"x.png\"}}}");
	}

	@Test
	void shouldForwardAStructuredMessagesText() {
		WebhookRoute route = route("""
				{"id":"g-3","channel":{"id":"int-1","to":{"id":"4711"}},"type":"Structured","text":"Pick one",
				"content":[{"contentType":"QuickReply","quickReply":{"text":"Yes","payload":"y"}}]}""");

		assertThat(route).isInstanceOfSatisfying(WebhookRoute.AgentMessageRoute.class,
				(message) -> assertThat(message.envelope().payload().text()).isEqualTo("Pick one"));
	}

	@Test
	void shouldIgnoreAStructuredMessageWithNeitherTextNorAttachment() {
		assertThat(route("""
				{"id":"g-4","channel":{"id":"int-1","to":{"id":"4711"}},"type":"Structured",
				"content":[{"contentType":"QuickReply","quickReply":{"text":"Yes","payload":"y"}}]}"""))
			.isEqualTo(new WebhookRoute.Ignored("content.unsupported"));
	}

	@Test
	void shouldRefuseAnAgentMessageWithoutACustomer() {
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> route("{\"id\":\"g-5\",\"channel\":{\"id\":\"int-1\"},\"type\":\"Text\",\"text\":\"x\"}"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("channel.to.id.blank"));
	}

	@Test
	void shouldTurnAReceiptIntoAStatusUpdate() {
		WebhookRoute route = route("""
				{"id":"r-1","channel":{"id":"int-1","messageId":"wamid.1","time":"2026-11-20T09:00:00Z"},
				"type":"Receipt","status":"Read","direction":"Outbound"}""");

		assertThat(route).isEqualTo(new WebhookRoute.StatusRoute(
				new StatusUpdateEnvelope("tenant-1", "r-1", "wamid.1", "read", "2026-11-20T09:00:00Z")));
	}

	@Test
	void shouldIgnoreAReceiptStatusTheContractHasNoValueFor() {
		assertThat(route("{\"id\":\"r-2\",\"channel\":{\"id\":\"int-1\"},\"type\":\"Receipt\",\"status\":\"Sent\"}"))
			.isEqualTo(new WebhookRoute.Ignored("receipt.status.unsupported"));
	}

	@Test
	void shouldTurnAnAgentTypingEventIntoATypingStatusStampedWithArrivalWhenUntimed() {
		WebhookRoute route = route("""
				{"id":"e-1","channel":{"id":"int-1","to":{"id":"4711"}},"type":"Event",
				"events":[{"eventType":"Typing","typing":{"type":"On","duration":5000}}]}""");

		assertThat(route).isEqualTo(new WebhookRoute.StatusRoute(
				new StatusUpdateEnvelope("tenant-1", "e-1", null, "typing", "2026-11-20T10:00:00Z")));
	}

	@Test
	void shouldIgnoreInboundEchoesAndUnknownTypes() {
		assertThat(route("{\"id\":\"x\",\"channel\":{\"id\":\"i\"},\"type\":\"Text\",\"direction\":\"Inbound\"}"))
			.isEqualTo(new WebhookRoute.Ignored("direction.not-outbound"));
		assertThat(route("{\"id\":\"x\",\"channel\":{\"id\":\"i\"},\"type\":\"Video\"}"))
			.isEqualTo(new WebhookRoute.Ignored("type.unsupported"));
	}

	@Test
	void shouldFindTheIntegrationInChannelFromWhenChannelIdIsMissing() {
		WebhookNotification notification = WebhookNotification
			.of(JSON.readTree("{\"id\":\"x\",\"channel\":{\"from\":{\"id\":\"int-9\"}}}"));

		assertThat(notification.integrationId()).isEqualTo("int-9");
	}

	@Test
	void shouldNameWhatIsMissingFromANotification() {
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> WebhookNotification.of(JSON.readTree("{\"channel\":{\"id\":\"i\"}}")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("id.blank"));
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> WebhookNotification.of(JSON.readTree("{\"id\":\"x\",\"channel\":{}}")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("channel.id.blank"));
		assertThatExceptionOfType(MalformedWebhookException.class)
			.isThrownBy(() -> WebhookNotification.of(JSON.readTree("[1]")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("body.not-object"));
	}

	private static WebhookRoute route(String json) {
		return WebhookRoutes.route("tenant-1", WebhookNotification.of(JSON.readTree(json)), NOW);
	}

}
