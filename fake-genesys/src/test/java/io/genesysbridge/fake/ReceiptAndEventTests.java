package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks {@code /inbound/open/receipt} and {@code /inbound/open/event}: accepted statuses
 * and reasons, typing events, and their 400s.
 */
class ReceiptAndEventTests {

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
	void shouldAcceptAndEchoReceiptWhenStatusIsDelivered() {
		HttpResponse<String> response = this.http.receipt(this.token, GenesysHttp.receiptBody("Delivered", null));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat(body).containsEntry("id", "0123456789abcdef0123456789abcdef")
			.containsEntry("status", "Delivered")
			.containsEntry("type", "Receipt");
		assertThat(GenesysHttp.object(body.get("channel"))).containsEntry("id", GenesysHttp.INTEGRATION)
			.containsEntry("to", Map.of("id", "+33611111111"));
		assertThat(this.fake.receipts()).singleElement()
			.extracting(RecordedInbound::genesysMessageId)
			.isEqualTo("0123456789abcdef0123456789abcdef");
		assertThat(this.fake.inboundMessages()).isEmpty();
	}

	@Test
	void shouldAcceptReceiptWithReasonsWhenStatusIsFailed() {
		HttpResponse<String> response = this.http.receipt(this.token, GenesysHttp.receiptBody("Failed",
				"[{\"code\":\"RecipientOptedOut\",\"message\":\"user blocked the business\"}],\"isFinalReceipt\":true"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(GenesysHttp.json(response)).containsEntry("isFinalReceipt", true)
			.containsEntry("reasons",
					List.of(Map.of("code", "RecipientOptedOut", "message", "user blocked the business")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sent", "Read", "Published", "Removed", "delivered" })
	void shouldAnswer400WhenReceiptStatusIsNotDeliveredOrFailed(String status) {
		Map<String, Object> error = GenesysErrors.assertErrorBody(
				this.http.receipt(this.token, GenesysHttp.receiptBody(status, null)), 400, "invalid.value");

		assertThat((String) error.get("message")).contains("[" + status + "]").contains("Delivered, Failed");
		assertThat(this.fake.receipts()).isEmpty();
	}

	@Test
	void shouldAnswer400WhenReasonsAccompanyDeliveredReceipt() {
		GenesysErrors.assertErrorBody(
				this.http.receipt(this.token,
						GenesysHttp.receiptBody("Delivered", "[{\"code\":\"GeneralError\",\"message\":\"x\"}]")),
				400, "bad.request");
	}

	@Test
	void shouldAnswer400WhenReasonCodeIsNotInConversationReasonEnum() {
		Map<String, Object> error = GenesysErrors.assertErrorBody(
				this.http.receipt(this.token,
						GenesysHttp.receiptBody("Failed", "[{\"code\":\"Blocked\",\"message\":\"x\"}]")),
				400, "invalid.value");

		assertThat((String) error.get("message")).contains("[Blocked]");
	}

	@Test
	void shouldAnswer400WhenReceiptLacksId() {
		String body = "{\"channel\":{\"to\":{\"id\":\"+336\"},\"time\":\"2026-03-01T10:00:05Z\"},\"status\":\"Delivered\"}";

		Map<String, Object> error = GenesysErrors.assertErrorBody(this.http.receipt(this.token, body), 400,
				"bad.request");

		assertThat(error).containsEntry("message", "should have required property 'id'");
	}

	@Test
	void shouldAcceptTypingEventAndJoinConversationWhenCustomerAlreadyWrote() {
		this.http.message(this.token, GenesysHttp.textMessage("+33611111111", "wamid.1", "hi"));

		HttpResponse<String> response = this.http.event(this.token, GenesysHttp.typingEvent("+33611111111", "Typing"));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat((String) body.get("id")).matches("[0-9a-f]{32}");
		assertThat(body).containsEntry("type", "Event")
			.containsEntry("events",
					List.of(Map.of("eventType", "Typing", "typing", Map.of("type", "On", "duration", 5000))));
		assertThat(GenesysHttp.object(body.get("channel"))).containsEntry("id", GenesysHttp.INTEGRATION);
		assertThat(this.fake.events()).singleElement()
			.extracting(RecordedInbound::conversationId)
			.isEqualTo(this.fake.inboundMessages().getFirst().conversationId());
	}

	@Test
	void shouldAnswer400WhenEventTypeIsNotTyping() {
		GenesysErrors.assertErrorBody(this.http.event(this.token, GenesysHttp.typingEvent("+336", "Read")), 400,
				"invalid.value");
		assertThat(this.fake.events()).isEmpty();
	}

	@Test
	void shouldAnswer400WhenEventListIsEmpty() {
		String body = "{\"channel\":{\"from\":{\"id\":\"+336\",\"idType\":\"Opaque\"},\"time\":\"2026-03-01T10:00:00Z\"},\"events\":[]}";

		GenesysErrors.assertErrorBody(this.http.event(this.token, body), 400, "bad.request");
	}

}
