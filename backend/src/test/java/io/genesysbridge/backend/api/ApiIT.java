package io.genesysbridge.backend.api;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.fake.FakeConversation;

/**
 * The REST API in the whole processor on a real server: API keys from configuration, tenants
 * from Redis, the Genesys clients with their call guards, Swagger UI, and the actuator on the
 * management port, which the API's security must not lock out.
 */
class ApiIT extends BackendIntegrationTest {

	private static final String TENANT = TestRun.TENANTS[1];

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient server;

	@BeforeEach
	void connect() {
		TestRun.FAKE.failNext(0, 503);
		TestRun.FAKE.failRandomly(0, 503, 1);
		this.server = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void shouldLeaveTheActuatorOnTheManagementPortOpen() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build();

		management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void shouldServeTheApiWithAKeyAndRefuseItWithoutOne() {
		FakeConversation seeded = TestRun.FAKE.conversations()
			.seed(TestRun.integrationOf(TENANT), "+3360000" + TestRun.ID.hashCode(), null);
		String conversation = "/api/v1/tenants/" + TENANT + "/conversations/" + seeded.id();

		this.server.get().uri(conversation).exchange().expectStatus().isUnauthorized();
		this.server.get()
			.uri(conversation)
			.header(ApiKeyConverter.HEADER, TestRun.API_KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.participants[0].id")
			.isEqualTo(seeded.customerParticipantId());
		this.server.get()
			.uri("/api/v1/tenants/" + TestRun.DISABLED_TENANT + "/organization")
			.header(ApiKeyConverter.HEADER, TestRun.API_KEY)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void shouldServeSwaggerUiAndTheOpenApiDescription() {
		this.server.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		this.server.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.securitySchemes.apiKey.name")
			.isEqualTo(ApiKeyConverter.HEADER);
	}

}
