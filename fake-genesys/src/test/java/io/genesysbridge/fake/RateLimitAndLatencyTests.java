package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks per-token rate limiting and latency, including many concurrent slow calls, so
 * load tests of the bridge are not limited by the fake.
 */
class RateLimitAndLatencyTests {

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
	void shouldAnswer429PerTokenWhenRateLimitIsExceeded() {
		this.fake.rateLimitPerMinute(3);
		this.fake.retryAfter(Duration.ofSeconds(2));
		String token = this.http.token();

		assertThat(this.http.get(ORG, GenesysHttp.bearer(token)).statusCode()).isEqualTo(200);
		assertThat(this.http.message(token, GenesysHttp.textMessage("+336", "wamid.1", "a")).statusCode())
			.isEqualTo(202);
		assertThat(this.http.message(token, GenesysHttp.textMessage("+336", "wamid.2", "b")).statusCode())
			.isEqualTo(202);
		HttpResponse<String> limited = this.http.message(token, GenesysHttp.textMessage("+336", "wamid.3", "c"));

		Map<String, Object> body = GenesysErrors.assertErrorBody(limited, 429, "too.many.requests.retry.after");
		assertThat(body).containsEntry("message", "Rate limit exceeded the maximum. Retry the request in [2] seconds");
		assertThat(limited.headers().firstValue("Retry-After")).contains("2");
		assertThat(this.fake.inboundMessages()).hasSize(2);
		assertThat(this.http.get(ORG, GenesysHttp.bearer(this.http.token())).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldNotLimitWhenRateLimitIsOff() {
		String token = this.http.token();

		for (int i = 0; i < 50; i++) {
			assertThat(this.http.get(ORG, GenesysHttp.bearer(token)).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void shouldDelayApiButNotTokenAnswersWhenLatencyIsSet() {
		this.fake.latency(Duration.ofMillis(300));

		long tokenStart = System.nanoTime();
		String token = this.http.token();
		Duration tokenTime = Duration.ofNanos(System.nanoTime() - tokenStart);
		long apiStart = System.nanoTime();
		HttpResponse<String> unauthenticated = this.http.get(ORG, null);
		Duration apiTime = Duration.ofNanos(System.nanoTime() - apiStart);

		assertThat(token).isNotBlank();
		assertThat(tokenTime).isLessThan(Duration.ofMillis(250));
		assertThat(unauthenticated.statusCode()).isEqualTo(401);
		assertThat(apiTime).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void shouldAcceptEveryMessageOnceWhenManyArriveConcurrentlyWithLatency() {
		this.fake.latency(Duration.ofMillis(200));
		String token = this.http.token();
		int customers = 40;
		int messages = 600;
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
		long start = System.nanoTime();

		for (int i = 0; i < messages; i++) {
			calls.add(this.http.postAsync(GenesysHttp.inboundPath(GenesysHttp.INTEGRATION, "message"),
					GenesysHttp.bearer(token),
					GenesysHttp.textMessage("+3360000" + (i % customers), "wamid." + i, "m")));
		}
		List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(202));
		assertThat(this.fake.inboundMessages()).hasSize(messages);
		Set<String> ids = responses.stream()
			.map((response) -> (String) GenesysHttp.json(response).get("id"))
			.collect(Collectors.toCollection(HashSet::new));
		assertThat(ids).hasSize(messages);
		Map<String, Set<String>> conversationsByCustomer = this.fake.inboundMessages()
			.stream()
			.collect(Collectors.groupingBy(RateLimitAndLatencyTests::customerOf,
					Collectors.mapping(RecordedInbound::conversationId, Collectors.toSet())));
		assertThat(conversationsByCustomer).hasSize(customers)
			.allSatisfy((customer, conversations) -> assertThat(conversations).hasSize(1));
		assertThat(this.fake.duplicatesSeen()).isZero();
		assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
	}

	private static String customerOf(RecordedInbound message) {
		Map<String, Object> channel = GenesysHttp
			.object(GenesysHttp.object(JsonText.parse(message.body())).get("channel"));
		return (String) GenesysHttp.object(channel.get("from")).get("id");
	}

}
