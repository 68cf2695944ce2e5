package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks bearer authentication on {@code /api/v2}: the three 401 codes and reset
 * semantics, which drive the bridge's refresh-once logic.
 */
class AuthenticationTests {

	private static final String ORG = "/api/v2/organizations/me";

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
	void shouldAnswerAuthenticationRequiredWhenBearerIsMissing() {
		Map<String, Object> body = GenesysErrors
			.assertErrorBody(this.http.post(GenesysHttp.inboundPath(GenesysHttp.INTEGRATION, "message"), null,
					GenesysHttp.textMessage("+33600000001", "wamid.1", "hi")), 401, "authentication.required");

		assertThat(body).containsEntry("message", "No authentication bearer token specified in authorization header.");
		assertThat(this.fake.inboundMessages()).isEmpty();
		assertThat(this.fake.inboundAttempts()).isEqualTo(1);
	}

	@Test
	void shouldAnswerAuthenticationRequiredWhenSchemeIsNotBearer() {
		GenesysErrors.assertErrorBody(this.http.get(ORG, "Basic Zm9vOmJhcg=="), 401, "authentication.required");
	}

	@Test
	void shouldAnswerBadCredentialsWhenTokenWasNeverIssued() {
		GenesysErrors.assertErrorBody(this.http.get(ORG, GenesysHttp.bearer("forged-token")), 401, "bad.credentials");
	}

	@Test
	void shouldAnswerCredentialsExpiredWhenAllTokensWereExpired() {
		String token = this.http.token();
		assertThat(this.http.get(ORG, GenesysHttp.bearer(token)).statusCode()).isEqualTo(200);

		this.fake.expireAllTokens();

		GenesysErrors.assertErrorBody(this.http.message(token, GenesysHttp.textMessage("+336", "wamid.1", "hi")), 401,
				"credentials.expired");
		assertThat(this.http.get(ORG, GenesysHttp.bearer(this.http.token())).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAcceptBearerSchemeWhenWrittenInAnyCase() {
		String token = this.http.token();

		assertThat(this.http.get(ORG, "bearer " + token).statusCode()).isEqualTo(200);
		assertThat(this.http.get(ORG, "BEARER " + token).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAnswerNotFoundWhenApiPathIsUnknown() {
		GenesysErrors.assertErrorBody(this.http.get("/api/v2/users/me", GenesysHttp.bearer(this.http.token())), 404,
				"not.found");
	}

	@Test
	void shouldForgetTokensAndRecordingsButKeepClientsWhenReset() {
		String token = this.http.token();
		assertThat(this.http.message(token, GenesysHttp.textMessage("+336", "wamid.1", "hi")).statusCode())
			.isEqualTo(202);

		this.fake.reset();

		GenesysErrors.assertErrorBody(this.http.get(ORG, GenesysHttp.bearer(token)), 401, "bad.credentials");
		assertThat(this.fake.inboundMessages()).isEmpty();
		assertThat(this.fake.inboundAttempts()).isZero();
		String fresh = this.http.token();
		assertThat(this.fake.tokenRequests()).isEqualTo(1);
		assertThat(this.http.message(fresh, GenesysHttp.textMessage("+336", "wamid.2", "hi")).statusCode())
			.isEqualTo(202);
	}

}
