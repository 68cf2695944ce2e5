package io.genesysbridge.backend.circuit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.genesys.GenesysClientException;
import io.genesysbridge.backend.ratelimit.RateLimitedException;
import io.genesysbridge.backend.resilience.ErrorClassifier;

/**
 * Builds the per-org circuit breakers (time-based sliding window, transient Genesys failures
 * only), exports Resilience4j's own meters, mirrors states to Redis and applies forced states.
 */
@Configuration(proxyBeanMethods = false)
class CircuitConfiguration {

	@Bean
	CircuitBreakerRegistry circuitBreakerRegistry(CircuitProperties properties, ErrorClassifier classifier,
			MeterRegistry meters) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
			.slidingWindowSize((int) Math.max(1, properties.slidingWindow().toSeconds()))
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.recordException((failure) -> countsAgainstTheOrg(failure, classifier))
			.ignoreException(CircuitConfiguration::saysNothingAboutTheOrg)
			.build();
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
		return registry;
	}

	/**
	 * Calls that never reached Genesys (a rate-limit refusal) or that Genesys throttled (429) are
	 * ignored: Resilience4j would otherwise count an unrecorded exception as a success, and a
	 * flooding tenant's refusals would hide its org's outage behind a low failure rate.
	 */
	static boolean saysNothingAboutTheOrg(Throwable failure) {
		return failure instanceof RateLimitedException
				|| (failure instanceof GenesysClientException genesys && genesys.status() == 429);
	}

	static boolean countsAgainstTheOrg(Throwable failure, ErrorClassifier classifier) {
		if (failure instanceof RateLimitedException) {
			return false;
		}
		if (failure instanceof GenesysClientException genesys && genesys.status() == 429) {
			return false;
		}
		return classifier.classify(failure).isTransient();
	}

	@Bean
	CircuitStateMirror circuitStateMirror(ReactiveStringRedisTemplate redis, CircuitProperties properties,
			ErrorClassifier classifier, JsonMapper json, Clock clock, CircuitBreakerRegistry registry) {
		CircuitStateMirror mirror = new CircuitStateMirror(redis, properties, classifier, json, clock, replicaName());
		registry.getEventPublisher().onEntryAdded((event) -> mirror.watch(event.getAddedEntry()));
		return mirror;
	}

	@Bean
	CircuitBreakerGuard circuitBreakerGuard(CircuitBreakerRegistry registry, CircuitProperties properties) {
		return new CircuitBreakerGuard(registry, properties);
	}

	@Bean
	ForcedStateApplier forcedStateApplier(ReactiveStringRedisTemplate redis, CircuitBreakerRegistry registry,
			CircuitStateMirror mirror, CircuitProperties properties) {
		return new ForcedStateApplier(redis, registry, mirror, properties);
	}

	private static String replicaName() {
		String host = System.getenv("HOSTNAME");
		if (host != null && !host.isBlank()) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "replica-" + UUID.randomUUID().toString().substring(0, 8);
		}
	}

}
