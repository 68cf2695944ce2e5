package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the {@code /__fake/} control API used by operators during demos: faults, stats,
 * token expiry, latency, reset and inbound listing.
 */
class ControlApiTests {

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
	void shouldFailCountedCallsThenRecoverWhenCountFaultIsPosted() {
		HttpResponse<String> injected = this.http.post("/__fake/faults", null, "{\"status\":400,\"count\":2}");

		assertThat(injected.statusCode()).isEqualTo(200);
		GenesysErrors.assertErrorBody(send("wamid.1"), 400, "bad.request");
		GenesysErrors.assertErrorBody(send("wamid.2"), 400, "bad.request");
		assertThat(send("wamid.3").statusCode()).isEqualTo(202);
	}

	@Test
	void shouldFailEveryCallUntilDeletedWhenRatioFaultIsPosted() {
		this.http.post("/__fake/faults", null, "{\"status\":503,\"ratio\":1.0,\"seed\":3}");
		GenesysErrors.assertErrorBody(send("wamid.1"), 503, "service.unavailable");
		GenesysErrors.assertErrorBody(send("wamid.2"), 503, "service.unavailable");

		HttpResponse<String> cleared = this.http.delete("/__fake/faults");

		assertThat(cleared.statusCode()).isEqualTo(204);
		assertThat(send("wamid.3").statusCode()).isEqualTo(202);
	}

	@Test
	void shouldFailTokenEndpointWhenTokenFaultIsPosted() {
		this.http.post("/__fake/faults", null, "{\"target\":\"token\",\"status\":500}");

		HttpResponse<String> failed = this.http.requestToken(GenesysHttp.CLIENT_ID, GenesysHttp.CLIENT_SECRET,
				"grant_type=client_credentials");

		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(GenesysHttp.json(failed)).containsEntry("error", "server_error");
		this.http.delete("/__fake/faults");
		assertThat(this.http.token()).isNotBlank();
	}

	@Test
	void shouldAnswer400WhenFaultRequestIsInvalid() {
		assertThat(this.http.post("/__fake/faults", null, "{\"status\":200,\"count\":1}").statusCode()).isEqualTo(400);
		assertThat(this.http.post("/__fake/faults", null, "{\"status\":503}").statusCode()).isEqualTo(400);
		assertThat(this.http.post("/__fake/faults", null, "{\"status\":503,\"ratio\":2}").statusCode()).isEqualTo(400);
		assertThat(this.http.post("/__fake/faults", null, "not json").statusCode()).isEqualTo(400);
		assertThat(send("wamid.1").statusCode()).isEqualTo(202);
	}

	@Test
	void shouldReportCountersWhenStatsAreRead() {
		send("wamid.1");
		send("wamid.1");
		this.fake.failNext(1, 503);
		send("wamid.2");
		this.http.receipt(this.token, GenesysHttp.receiptBody("Delivered", null));
		this.http.event(this.token, GenesysHttp.typingEvent("+336", "Typing"));

		HttpResponse<String> stats = this.http.get("/__fake/stats", null);

		assertThat(stats.statusCode()).isEqualTo(200);
		assertThat(GenesysHttp.json(stats))
			.containsExactlyInAnyOrderEntriesOf(Map.of("tokenRequests", 1, "inboundAttempts", 5, "inboundAccepted", 2,
					"receiptsAccepted", 1, "eventsAccepted", 1, "duplicatesSeen", 1));
	}

	@Test
	void shouldExpireIssuedTokensWhenExpiryIsPosted() {
		HttpResponse<String> expired = this.http.post("/__fake/tokens/expire", null, "");

		assertThat(expired.statusCode()).isEqualTo(200);
		assertThat(GenesysHttp.json(expired)).containsEntry("expiredTokens", 1);
		GenesysErrors.assertErrorBody(send("wamid.1"), 401, "credentials.expired");
	}

	@Test
	void shouldApplyLatencyResetAndListInboundWhenControlledOverHttp() {
		assertThat(this.http.post("/__fake/latency", null, "{\"ms\":250}").statusCode()).isEqualTo(200);
		long start = System.nanoTime();
		send("wamid.1");
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);

		HttpResponse<String> inbound = this.http.get("/__fake/inbound?limit=5", null);
		assertThat(GenesysHttp.json(inbound).get("messages"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies(
					(message) -> assertThat(GenesysHttp.object(message)).containsEntry("channelMessageId", "wamid.1"));

		assertThat(this.http.post("/__fake/reset", null, "").statusCode()).isEqualTo(204);
		assertThat(this.fake.inboundMessages()).isEmpty();
		assertThat(GenesysHttp.json(this.http.get("/__fake/inbound", null))).containsEntry("messages", List.of());
	}

	@Test
	void shouldAnswer404WhenControlPathIsUnknown() {
		assertThat(this.http.get("/__fake/nothing", null).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> send(String messageId) {
		return this.http.message(this.token, GenesysHttp.textMessage("+33611111111", messageId, "hello"));
	}

}
