package io.genesysbridge.backend.api;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.handler.timeout.ReadTimeoutException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.genesysbridge.backend.resilience.ClassifiedFailure;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.resilience.FailureClass;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How failures that are not Genesys answers map to API answers (Genesys answers are covered
 * end to end by the controller tests), and the Genesys status table.
 */
class FailureResponsesTests {

	private final FailureResponses responses = new FailureResponses(new ErrorClassifier());

	@ParameterizedTest
	@CsvSource({ "ratelimit.exceeded, 429", "circuit.open, 503" })
	void shouldAnswerTransientFailuresWithRetryAfter(String reason, int status) {
		ResponseEntity<ApiError> answer = this.responses.other(new Refused(reason, Duration.ofMillis(1500)), "r1");

		assertThat(answer.getStatusCode().value()).isEqualTo(status);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(answer.getBody().error()).isEqualTo("temporarily_unavailable");
		assertThat(answer.getBody().code()).isEqualTo(reason);
	}

	@Test
	void shouldAnswerTimeoutsWith504AndUnknownFailuresWith500WithoutDetails() {
		assertThat(this.responses.other(new TimeoutException("slow"), "r2").getStatusCode().value()).isEqualTo(504);

		ResponseEntity<ApiError> unknown = this.responses.other(new IllegalStateException("secret detail"), "r3");

		assertThat(unknown.getStatusCode().value()).isEqualTo(500);
		assertThat(unknown.getBody().requestId()).isEqualTo("r3");
		assertThat(unknown.getBody().message()).doesNotContain("secret detail");
	}

	@Test
	void shouldTellAResponseTimeoutFromAnUnreachableGenesys() {
		WebClientRequestException timedOut = new WebClientRequestException(ReadTimeoutException.INSTANCE,
				HttpMethod.GET, URI.create("http://genesys"), new HttpHeaders());
		WebClientRequestException refused = new WebClientRequestException(new ConnectException("refused"),
				HttpMethod.GET, URI.create("http://genesys"), new HttpHeaders());

		assertThat(this.responses.other(timedOut, "r4").getStatusCode().value()).isEqualTo(504);
		ResponseEntity<ApiError> unreachable = this.responses.other(refused, "r5");
		assertThat(unreachable.getStatusCode().value()).isEqualTo(503);
		assertThat(unreachable.getBody().error()).isEqualTo("genesys_unavailable");
	}

	@Test
	void shouldRoundRetryAfterUp() {
		assertThat(FailureResponses.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
		assertThat(FailureResponses.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo(3);
		assertThat(FailureResponses.retryAfterSeconds(Duration.ZERO)).isZero();
	}

	/** A transient failure with a wait, as a rate limiter or circuit breaker raises. */
	private static final class Refused extends RuntimeException implements ClassifiedFailure {

		private final String reason;

		private final Duration retryAfter;

		Refused(String reason, Duration retryAfter) {
			super(reason);
			this.reason = reason;
			this.retryAfter = retryAfter;
		}

		@Override
		public FailureClass failureClass() {
			return FailureClass.TRANSIENT;
		}

		@Override
		public String reason() {
			return this.reason;
		}

		@Override
		public @Nullable Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
