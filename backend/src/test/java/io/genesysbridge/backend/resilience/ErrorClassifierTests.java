package io.genesysbridge.backend.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.Exceptions;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.MessagingException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassifierTests {

	private final ErrorClassifier classifier = new ErrorClassifier();

	@Test
	void shouldTrustAClassifiedFailure() {
		Classification verdict = this.classifier.classify(new Failure(FailureClass.PERMANENT, "validation.x", null));

		assertThat(verdict.failureClass()).isEqualTo(FailureClass.PERMANENT);
		assertThat(verdict.reason()).isEqualTo("validation.x");
	}

	@Test
	void shouldFindAClassifiedFailureDeepInTheCauseChain() {
		Failure root = new Failure(FailureClass.TRANSIENT, "genesys.inbound-message.429", Duration.ofSeconds(7));
		RuntimeException wrapped = new MessagingException("handler failed", new IllegalStateException(root));

		Classification verdict = this.classifier.classify(wrapped);

		assertThat(verdict.isTransient()).isTrue();
		assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void shouldTreatTimeoutsAsTransient() {
		assertThat(this.classifier.classify(Exceptions.propagate(new TimeoutException("slow"))).reason())
			.isEqualTo("timeout");
	}

	@Test
	void shouldTreatConnectionErrorsAsTransient() {
		WebClientRequestException io = new WebClientRequestException(new ConnectException("refused"), HttpMethod.POST,
				URI.create("http://genesys"), new HttpHeaders());

		assertThat(this.classifier.classify(io).isTransient()).isTrue();
		assertThat(this.classifier.classify(new RedisConnectionFailureException("down")).reason())
			.isEqualTo("connection");
		assertThat(this.classifier.classify(new IOException("reset")).isTransient()).isTrue();
	}

	@Test
	void shouldTreatUnknownFailuresAsTransientSoTheyAreRetriedBeforeDeadLettering() {
		Classification verdict = this.classifier.classify(new IllegalArgumentException("bug"));

		assertThat(verdict.isTransient()).isTrue();
		assertThat(verdict.reason()).isEqualTo("unexpected.IllegalArgumentException");
	}

	static final class Failure extends RuntimeException implements ClassifiedFailure {

		private final FailureClass failureClass;

		private final String reason;

		private final Duration retryAfter;

		Failure(FailureClass failureClass, String reason, Duration retryAfter) {
			this.failureClass = failureClass;
			this.reason = reason;
			this.retryAfter = retryAfter;
		}

		@Override
		public FailureClass failureClass() {
			return this.failureClass;
		}

		@Override
		public String reason() {
			return this.reason;
		}

		@Override
		public Duration retryAfter() {
			return this.retryAfter;
		}

	}

}
