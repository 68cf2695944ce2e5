package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code failNext} and {@code failRandomly}: ErrorBody shapes, Retry-After,
 * ordering against validation and seeded determinism, which the bridge's retry tests rely
 * on.
 */
class FaultInjectionTests {

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
	void shouldAnswer429WithRetryAfterAndErrorBodyWhenFailNextIs429() {
		this.fake.failNext(2, 429);

		HttpResponse<String> first = send("wamid.1");
		HttpResponse<String> second = send("wamid.1");
		HttpResponse<String> third = send("wamid.1");

		for (HttpResponse<String> failed : List.of(first, second)) {
			Map<String, Object> body = GenesysErrors.assertErrorBody(failed, 429, "too.many.requests.retry.after");
			assertThat(body).containsEntry("message",
					"Rate limit exceeded the maximum. Retry the request in [1] seconds");
			assertThat(failed.headers().firstValue("Retry-After")).contains("1");
		}
		assertThat(third.statusCode()).isEqualTo(202);
		assertThat(this.fake.inboundAttempts()).isEqualTo(3);
		assertThat(this.fake.inboundMessages()).hasSize(1);
		assertThat(this.fake.duplicatesSeen()).isZero();
	}

	@Test
	void shouldRoundRetryAfterUpToWholeSecondsWhenConfigured() {
		this.fake.retryAfter(Duration.ofMillis(2500));
		this.fake.failNext(1, 429);

		HttpResponse<String> response = send("wamid.1");

		assertThat(response.headers().firstValue("Retry-After")).contains("3");
		assertThat(GenesysHttp.json(response)).containsEntry("message",
				"Rate limit exceeded the maximum. Retry the request in [3] seconds");
	}

	@Test
	void shouldFailBeforeValidationWhenFaultIsInjected() {
		this.fake.failNext(1, 503);

		HttpResponse<String> invalidButFaulted = this.http.message(this.token, "{}");

		GenesysErrors.assertErrorBody(invalidButFaulted, 503, "service.unavailable");
		GenesysErrors.assertErrorBody(this.http.message(this.token, "{}"), 400, "bad.request");
	}

	@Test
	void shouldApplyFaultsToReceiptsAndEventsWhenFailNextIsSet() {
		this.fake.failNext(2, 504);

		GenesysErrors.assertErrorBody(this.http.receipt(this.token, GenesysHttp.receiptBody("Delivered", null)), 504,
				"request.timeout");
		GenesysErrors.assertErrorBody(this.http.event(this.token, GenesysHttp.typingEvent("+336", "Typing")), 504,
				"request.timeout");
		assertThat(this.http.event(this.token, GenesysHttp.typingEvent("+336", "Typing")).statusCode()).isEqualTo(202);
	}

	@Test
	void shouldNotSpendFaultsOnUnauthenticatedCallsWhenFailNextIsSet() {
		this.fake.failNext(1, 500);

		GenesysErrors.assertErrorBody(this.http.message("forged", GenesysHttp.textMessage("+336", "wamid.1", "x")), 401,
				"bad.credentials");
		GenesysErrors.assertErrorBody(send("wamid.1"), 500, "internal.server.error");
		assertThat(this.fake.inboundAttempts()).isEqualTo(2);
	}

	@Test
	void shouldFailExactlyTheSeededDrawsWhenFailingRandomly() {
		int calls = 300;
		double ratio = 0.3;
		long seed = 7;
		Random reference = new Random(seed);
		int expectedFailures = 0;
		for (int i = 0; i < calls; i++) {
			expectedFailures += (reference.nextDouble() < ratio) ? 1 : 0;
		}
		this.fake.failRandomly(ratio, 503, seed);

		int failures = 0;
		for (int i = 0; i < calls; i++) {
			int status = send("wamid." + i).statusCode();
			assertThat(status).isIn(202, 503);
			failures += (status == 503) ? 1 : 0;
		}

		assertThat(failures).isEqualTo(expectedFailures).isBetween(60, 120);
		assertThat(this.fake.inboundMessages()).hasSize(calls - failures);
		assertThat(this.fake.inboundAttempts()).isEqualTo(calls);
	}

	@Test
	void shouldStopFailingWhenRatioIsZero() {
		this.fake.failRandomly(1.0, 503, 1);
		assertThat(send("wamid.1").statusCode()).isEqualTo(503);

		this.fake.failRandomly(0, 503, 1);

		assertThat(send("wamid.2").statusCode()).isEqualTo(202);
	}

	@Test
	void shouldRejectNonErrorStatusesWhenConfiguringFaults() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.failNext(1, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.failRandomly(1.5, 503, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.fake.successStatus(201));
	}

	private HttpResponse<String> send(String messageId) {
		return this.http.message(this.token, GenesysHttp.textMessage("+33611111111", messageId, "hello"));
	}

}
