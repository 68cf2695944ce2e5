package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * Checks the standalone launcher's argument handling, so a demo start fails loudly
 * instead of serving a half-configured fake.
 */
class FakeGenesysMainTests {

	@Test
	void shouldServeConfiguredClientsAndIntegrationsWhenLaunchedFromArguments() {
		try (FakeGenesys fake = FakeGenesysMain.launch("--port=0", "--client=demo:demo-secret",
				"--client=other:other-secret", "--integration=int-1", "--latency-ms=0", "--success-status=200")) {
			GenesysHttp http = new GenesysHttp(fake);

			HttpResponse<String> token = http.requestToken("other", "other-secret", "grant_type=client_credentials");
			String accessToken = (String) GenesysHttp.json(token).get("access_token");
			HttpResponse<String> message = http.post(GenesysHttp.inboundPath("int-1", "message"),
					GenesysHttp.bearer(accessToken), GenesysHttp.textMessage("+336", "wamid.1", "hi"));

			assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
			assertThat(token.statusCode()).isEqualTo(200);
			assertThat(message.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void shouldSeedFiveSampleAgentsUnlessToldOtherwise() {
		try (FakeGenesys defaults = FakeGenesysMain.launch("--port=0", "--client=demo:demo-secret");
				FakeGenesys two = FakeGenesysMain.launch("--port=0", "--client=demo:demo-secret", "--users=2")) {
			assertThat(userTotal(defaults)).isEqualTo(5);
			assertThat(userTotal(two)).isEqualTo(2);
		}
	}

	private static Object userTotal(FakeGenesys fake) {
		GenesysHttp http = new GenesysHttp(fake);
		String token = (String) GenesysHttp
			.json(http.requestToken("demo", "demo-secret", "grant_type=client_credentials"))
			.get("access_token");
		return GenesysHttp.json(http.get("/api/v2/users", GenesysHttp.bearer(token))).get("total");
	}

	@Test
	void shouldRefuseToStartWhenArgumentsAreInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeGenesysMain.launch("--port=0", "--nope=1"))
			.withMessageContaining("--nope");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeGenesysMain.launch("--port=0", "--client=nosecret"))
			.withMessageContaining("id:secret");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeGenesysMain.launch("--port=abc"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeGenesysMain.launch("--port=0", "--success-status=201"));
	}

}
