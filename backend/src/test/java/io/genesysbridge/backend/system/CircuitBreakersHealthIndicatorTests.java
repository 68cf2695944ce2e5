package io.genesysbridge.backend.system;

import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakersHealthIndicatorTests {

	@Test
	void shouldListEveryBreakerWithItsStateAndStayUpWhileSomeAreOpen() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
		registry.circuitBreaker("genesys-acme");
		registry.circuitBreaker("genesys-globex").transitionToOpenState();
		registry.circuitBreaker("genesys-initech").transitionToForcedOpenState();

		Health health = new CircuitBreakersHealthIndicator(registry).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("open", 2)
			.containsEntry("breakers",
					Map.of("genesys-acme", "CLOSED", "genesys-globex", "OPEN", "genesys-initech", "FORCED_OPEN"));
	}

	@Test
	void shouldBeUpWithNoBreakersYet() {
		Health health = new CircuitBreakersHealthIndicator(CircuitBreakerRegistry.ofDefaults()).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("open", 0);
	}

}
