package io.genesysbridge.backend.genesys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import io.genesysbridge.backend.resilience.FailureClass;

import static org.assertj.core.api.Assertions.assertThat;

class GenesysErrorsTests {

	private static final String ERROR_BODY = """
			{"message":"Value [Private] is not valid","code":"invalid.value","status":400,
			 "contextId":"776052dd-ctx","details":[],"errors":[]}""";

	private final GenesysErrors errors = new GenesysErrors(JsonMapper.builder().build(),
			Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void shouldCallTimeoutsRateLimitsAndServerErrorsTransient(int status) {
		GenesysClientException ex = this.errors.toException("inbound-message", status, "", null, null);

		assertThat(ex).isInstanceOf(GenesysRetryableException.class);
		assertThat(ex.failureClass()).isEqualTo(FailureClass.TRANSIENT);
		assertThat(ex.reason()).isEqualTo("genesys.inbound-message." + status);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 409, 413, 415 })
	void shouldCallOtherClientErrorsPermanent(int status) {
		GenesysClientException ex = this.errors.toException("inbound-message", status, ERROR_BODY, null, null);

		assertThat(ex).isInstanceOf(GenesysRejectedException.class);
		assertThat(ex.failureClass()).isEqualTo(FailureClass.PERMANENT);
	}

	@Test
	void shouldKeepCodeAndContextIdButNotTheGenesysMessage() {
		GenesysClientException ex = this.errors.toException("inbound-message", 400, ERROR_BODY, null, null);

		assertThat(ex.code()).isEqualTo("invalid.value");
		assertThat(ex.contextId()).isEqualTo("776052dd-ctx");
		assertThat(ex.getMessage()).contains("400", "invalid.value", "776052dd-ctx").doesNotContain("Private");
	}

	@Test
	void shouldAskForATokenRefreshOnAn401FromTheApi() {
		assertThat(this.errors.toException("inbound-message", 401, "{\"code\":\"credentials.expired\"}", null, null))
			.isInstanceOf(GenesysUnauthorizedException.class);
	}

	@Test
	void shouldTreatAnOAuthRejectionAsPermanentConfiguration() {
		GenesysClientException ex = this.errors.toException(GenesysClient.TOKEN_OPERATION, 401,
				"{\"error\":\"invalid_client\",\"description\":\"authentication failed\"}", null, null);

		assertThat(ex).isInstanceOf(GenesysRejectedException.class).isNotInstanceOf(GenesysUnauthorizedException.class);
		assertThat(ex.code()).isEqualTo("invalid_client");
	}

	@Test
	void shouldReadRetryAfterInSecondsOrAsAnHttpDate() {
		assertThat(this.errors.parseRetryAfter("42")).isEqualTo(Duration.ofSeconds(42));
		assertThat(this.errors.parseRetryAfter("Sat, 21 Nov 2026 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.errors.parseRetryAfter("soon")).isNull();
		assertThat(this.errors.parseRetryAfter(null)).isNull();
	}

	@Test
	void shouldCarryRetryAfterOnA429() {
		GenesysClientException ex = this.errors.toException("inbound-message", 429,
				"{\"code\":\"too.many.requests.retry.after\",\"contextId\":\"c1\"}", "3", null);

		assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void shouldFallBackToTheCorrelationHeaderWhenTheBodyIsNotJson() {
		GenesysClientException ex = this.errors.toException("inbound-message", 502, "<html>bad gateway</html>", null,
				"corr-header");

		assertThat(ex.contextId()).isEqualTo("corr-header");
	}

}
