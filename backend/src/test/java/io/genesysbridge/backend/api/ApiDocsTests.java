package io.genesysbridge.backend.api;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description and Swagger UI are served without a key and describe every
 * operation, the API-key scheme and the error answers.
 */
class ApiDocsTests extends ApiTestSupport {

	@Test
	void shouldServeTheOpenApiDescriptionWithTheApiKeyScheme() {
		this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("genesys-bridge REST API")
			.jsonPath("$.components.securitySchemes.apiKey.type")
			.isEqualTo("apiKey")
			.jsonPath("$.components.securitySchemes.apiKey.name")
			.isEqualTo("X-API-Key")
			.jsonPath("$.components.securitySchemes.apiKey.in")
			.isEqualTo("header")
			.jsonPath("$.security[0].apiKey")
			.exists()
			.jsonPath("$.paths['/api/v1/tenants/{tenantId}/users'].get.parameters[?(@.name == 'pageSize')]")
			.exists()
			.jsonPath("$.paths['/api/v1/tenants/{tenantId}/conversations/{conversationId}/disconnect'].post")
			.exists()
			.jsonPath("$.paths['/api/v1/tenants/{tenantId}/agentless-messages'].post.responses['429'].headers"
					+ "['Retry-After']")
			.exists()
			.jsonPath("$.components.schemas.Error.properties.contextId")
			.exists();
	}

	@Test
	void shouldDocumentEveryOperation() {
		String spec = new String(this.web.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.returnResult()
			.getResponseBody());

		assertThat(spec).contains("/api/v1/tenants/{tenantId}/messages", "/api/v1/tenants/{tenantId}/receipts",
				"/api/v1/tenants/{tenantId}/conversations/{conversationId}\"",
				"/api/v1/tenants/{tenantId}/conversations/{conversationId}/messages\"",
				"/api/v1/tenants/{tenantId}/conversations/{conversationId}/messages/{messageId}",
				"/participants/{participantId}/attributes", "/communications/{communicationId}/typing",
				"/api/v1/tenants/{tenantId}/organization", "/api/v1/tenants/{tenantId}/users/{userId}")
			.doesNotContain("/webhook", "textOrAttachmentPresent", "reasonConsistent", "nodeType");
	}

	@Test
	void shouldServeSwaggerUi() {
		String location = this.web.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);

		assertThat(location).contains("/swagger-ui/index.html");
		this.web.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("swagger-ui"));
		this.web.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.url")
			.isEqualTo("/v3/api-docs");
	}

}
