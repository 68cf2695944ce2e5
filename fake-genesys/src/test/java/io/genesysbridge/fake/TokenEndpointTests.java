package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code POST /oauth/token}: successful grants, OAuth error bodies, real expiry
 * and injected failures, so the bridge's token handling is tested against the contract.
 */
class TokenEndpointTests {

	private FakeGenesys fake;

	private GenesysHttp http;

	@BeforeEach
	void startFake() {
		this.fake = GenesysHttp.startFake();
		this.http = new GenesysHttp(this.fake);
	}

	@AfterEach
	void stopFake() {
		this.fake.close();
	}

	@Test
	void shouldIssueUsableBearerTokenWhenClientCredentialsAreValid() {
		HttpResponse<String> response = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=client_credentials");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
			.containsEntry("token_type", "bearer")
			.containsEntry("expires_in", 86399);
		String token = (String) body.get("access_token");
		assertThat(token).hasSizeGreaterThanOrEqualTo(32);
		assertThat(this.http.get("/api/v2/organizations/me", GenesysHttp.bearer(token)).statusCode()).isEqualTo(200);
		assertThat(this.fake.tokenRequests()).isEqualTo(1);
	}

	@Test
	void shouldIssueDistinctTokensWhenAskedTwice() {
		assertThat(this.http.token()).isNotEqualTo(this.http.token());
	}

	@Test
	void shouldAnswerInvalidClientWhenSecretIsWrong() {
		HttpResponse<String> response = this.http.requestToken(GenesysHttp.CLIENT_ID, "wrong",
				"grant_type=client_credentials");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(GenesysHttp.json(response)).containsExactlyInAnyOrderEntriesOf(Map.of("error", "invalid_client",
				"description", "authentication failed", "error_description", "authentication failed"));
	}

	@Test
	void shouldAnswerInvalidClientWhenClientIsUnknownOrAbsent() {
		HttpResponse<String> unknown = this.http.requestToken("nobody", GenesysHttp.CLIENT_SECRET,
				"grant_type=client_credentials");
		HttpResponse<String> anonymous = this.http.requestToken(null, null, "grant_type=client_credentials");

		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(GenesysHttp.json(unknown)).containsEntry("error", "invalid_client");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(GenesysHttp.json(anonymous)).containsEntry("error", "invalid_client");
		assertThat(this.fake.tokenRequests()).isEqualTo(2);
	}

	@Test
	void shouldAnswerUnauthorizedClientWhenGrantIsNotClientCredentials() {
		HttpResponse<String> response = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=password&username=a&password=b");

		assertThat(response.statusCode()).isEqualTo(400);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat(body).containsEntry("error", "unauthorized_client").containsKeys("description", "error_description");
	}

	@Test
	void shouldAnswerUnsupportedGrantTypeWhenGrantIsMissingOrUnknown() {
		HttpResponse<String> missing = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET, "");
		HttpResponse<String> unknown = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=magic");

		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(GenesysHttp.json(missing)).containsEntry("error", "unsupported_grant_type");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(GenesysHttp.json(unknown)).containsEntry("error", "unsupported_grant_type");
	}

	@Test
	void shouldRejectTokenAsExpiredWhenItsLifetimeHasPassed() {
		this.fake.tokenLifetime(Duration.ofMillis(1500));
		HttpResponse<String> response = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=client_credentials");
		String token = (String) GenesysHttp.json(response).get("access_token");

		assertThat(GenesysHttp.json(response)).containsEntry("expires_in", 1);
		assertThat(this.http.get("/api/v2/organizations/me", GenesysHttp.bearer(token)).statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> GenesysErrors.assertErrorBody(
					this.http.get("/api/v2/organizations/me", GenesysHttp.bearer(token)), 401, "credentials.expired"));
	}

	@Test
	void shouldAnswerInjectedStatusWithOAuthBodyWhenTokenEndpointFails() {
		this.fake.failTokenEndpoint(503);

		HttpResponse<String> failed = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=client_credentials");

		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(GenesysHttp.json(failed)).containsEntry("error", "temporarily_unavailable")
			.containsKeys("description", "error_description");
		this.fake.failTokenEndpoint(0);
		assertThat(this.http.token()).isNotBlank();
		assertThat(this.fake.tokenRequests()).isEqualTo(2);
	}

	@Test
	void shouldAcceptCredentialsInFormBodyWhenBasicHeaderIsAbsent() {
		HttpResponse<String> response = this.http.requestToken(null, null, "grant_type=client_credentials&client_id="
				+ GenesysHttp.CLIENT_ID + "&client_secret=" + GenesysHttp.CLIENT_SECRET);

		assertThat(response.statusCode()).isEqualTo(200);
	}

}
