package io.genesysbridge.backend.system;

import java.util.Map;
import java.util.TreeMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Shows every Genesys circuit breaker (one per org) with its state in the health details, and
 * always answers UP: an open circuit defers that org's messages through the delay routes, it
 * does not make this replica unfit for traffic. Readiness lists it so operators see it next to
 * RabbitMQ and Redis, but it can never take a replica out of rotation or get it restarted.
 */
class CircuitBreakersHealthIndicator implements HealthIndicator {

	private final CircuitBreakerRegistry registry;

	CircuitBreakersHealthIndicator(CircuitBreakerRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		Map<String, String> states = new TreeMap<>();
		int open = 0;
		for (CircuitBreaker breaker : this.registry.getAllCircuitBreakers()) {
			CircuitBreaker.State state = breaker.getState();
			states.put(breaker.getName(), state.name());
			if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
				open++;
			}
		}
		return Health.up().withDetail("open", open).withDetail("breakers", states).build();
	}

}
