package io.genesysbridge.backend.circuit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.genesys.GenesysCallGuard;
import io.genesysbridge.backend.tenant.Tenant;

/**
 * The outermost guard of every Genesys call: the tenant's (Genesys org's) Resilience4j circuit
 * breaker as a Reactor operator. An open circuit refuses at once with
 * {@link CircuitOpenException}, before any rate-limit permit is spent.
 */
final class CircuitBreakerGuard implements GenesysCallGuard {

	private final CircuitBreakerRegistry registry;

	private final CircuitProperties properties;

	CircuitBreakerGuard(CircuitBreakerRegistry registry, CircuitProperties properties) {
		this.registry = registry;
		this.properties = properties;
	}

	static String circuitName(String tenantId) {
		return "genesys-" + tenantId;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public <T> Mono<T> guard(Tenant tenant, String operation, Mono<T> call) {
		CircuitBreaker breaker = this.registry.circuitBreaker(circuitName(tenant.id()));
		return call.transformDeferred(CircuitBreakerOperator.of(breaker))
			.onErrorMap(CallNotPermittedException.class,
					(ex) -> new CircuitOpenException(breaker.getName(), this.properties.waitInOpenState()));
	}

}
