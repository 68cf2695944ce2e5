package io.genesysbridge.backend.circuit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.ratelimit.RateLimitedException;
import io.genesysbridge.backend.resilience.ErrorClassifier;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitConfigurationTests {

	private final CircuitBreaker breaker = new CircuitConfiguration()
		.circuitBreakerRegistry(new CircuitProperties(50, Duration.ofSeconds(60), 20, Duration.ofSeconds(30), 5,
				"test:", 50, Duration.ofSeconds(1)), new ErrorClassifier(), new SimpleMeterRegistry())
		.circuitBreaker("genesys-test");

	@Test
	void shouldOpenOnAnOrgOutageEvenWhileTheTenantIsRateLimited() {
		for (int i = 0; i < 100; i++) {
			this.breaker.onError(0, TimeUnit.MILLISECONDS, new RateLimitedException("t", Duration.ofSeconds(1)));
		}
		for (int i = 0; i < 20; i++) {
			this.breaker.onError(0, TimeUnit.MILLISECONDS, new TimeoutException("Genesys timed out"));
		}

		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(20);
	}

	@Test
	void shouldStayClosedOnRefusalsAlone() {
		for (int i = 0; i < 100; i++) {
			this.breaker.onError(0, TimeUnit.MILLISECONDS, new RateLimitedException("t", Duration.ofSeconds(1)));
		}

		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
	}

}
