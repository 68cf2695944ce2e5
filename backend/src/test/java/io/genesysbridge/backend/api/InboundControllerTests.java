package io.genesysbridge.backend.api;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.genesysbridge.fake.RecordedInbound;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synchronous customer messages and receipts: what reaches Genesys, the answer, validation
 * and the tenant and integration rules.
 */
class InboundControllerTests extends ApiTestSupport {

	private static final String MESSAGE = """
			{"messageId":"wamid.api.1","from":{"id":"919876543210","idType":"Phone","nickname":"John"},
			 "time":"2026-11-15T03:33:20Z","text":"Hello from the API"}""";

	@Test
	void shouldDeliverAMessageAndAnswerWithTheGenesysIds() {
		byte[] body = api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MESSAGE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.integrationId")
			.isEqualTo(ApiFixtures.INTEGRATION)
			.returnResult()
			.getResponseBody();

		RecordedInbound delivered = ApiFixtures.FAKE.inboundMessages().getFirst();
		assertThat(new String(body)).contains(delivered.genesysMessageId(), delivered.conversationId());
		assertThat(delivered.channelMessageId()).isEqualTo("wamid.api.1");
		assertThat(delivered.body()).contains("\"text\":\"Hello from the API\"", "\"idType\":\"Phone\"",
				"\"time\":\"2026-11-15T03:33:20Z\"");
	}

	@Test
	void shouldDeliverAnAttachmentWithoutText() {
		api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messageId":"wamid.api.2","from":{"id":"919876543210"},
					 "attachments":[{"mediaType":"Image","url":"https://example.com/a.png","mime":"image/png"}]}""")
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(ApiFixtures.FAKE.inboundMessages().getFirst().body()).contains("\"contentType\":\"Attachment\"",
				"\"idType\":\"Opaque\"");
	}

	@Test
	void shouldAnswer400WithEachInvalidField() {
		api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messageId":"","from":{"id":"1","idType":"Fax"},
					 "attachments":[{"mediaType":"Hologram","url":"ftp://x","mime":"a/b"}]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("validation_failed")
			.jsonPath("$.fields[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("messageId", "from.idType",
					"attachments[0].mediaType", "attachments[0].url"));
		assertThat(ApiFixtures.FAKE.inboundAttempts()).isZero();
	}

	@Test
	void shouldRequireTextOrAnAttachment() {
		api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"messageId\":\"w\",\"from\":{\"id\":\"1\"},\"text\":\" \"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.fields[0].reason")
			.isEqualTo("text or at least one attachment is required");
	}

	@Test
	void shouldAnswer400ForMalformedJson() {
		api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("bad_request")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void shouldRefuseAnIntegrationOfAnotherTenant() {
		api().post()
			.uri(tenantPath("/messages"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MESSAGE.replace("{\"messageId\"", "{\"integrationId\":\"someone-elses\",\"messageId\""))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unknown_integration");
	}

	@Test
	void shouldAnswer404ForAnUnknownTenantAnd409ForADisabledOne() {
		api().post()
			.uri(BASE + "nobody/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MESSAGE)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("tenant_not_found");
		api().post()
			.uri(BASE + ApiFixtures.DISABLED_TENANT.id() + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MESSAGE)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("tenant_disabled");
		api().post()
			.uri(BASE + ApiFixtures.NO_INTEGRATION_TENANT.id() + "/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(MESSAGE)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("tenant_no_integration");
	}

	@Test
	void shouldSendADeliveredReceipt() {
		api().post()
			.uri(tenantPath("/receipts"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"messageId":"0123456789abcdef0123456789abcdef","to":{"id":"919876543210"},"status":"Delivered"}""")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.isEmpty();

		assertThat(ApiFixtures.FAKE.receipts()).singleElement()
			.satisfies((receipt) -> assertThat(receipt.body()).contains("\"status\":\"Delivered\""));
	}

	@Test
	void shouldSendAFailedReceiptOnlyWithAReason() {
		String failed = """
				{"messageId":"0123456789abcdef0123456789abcdef","to":{"id":"919876543210"},"status":"Failed"%s}""";
		api().post()
			.uri(tenantPath("/receipts"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(failed.formatted(""))
			.exchange()
			.expectStatus()
			.isBadRequest();
		api().post()
			.uri(tenantPath("/receipts"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(failed.formatted(",\"reason\":{\"code\":\"RecipientOptedOut\",\"message\":\"opted out\"}"))
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(ApiFixtures.FAKE.receipts()).singleElement()
			.satisfies((receipt) -> assertThat(receipt.body()).contains("\"code\":\"RecipientOptedOut\""));
	}

}
