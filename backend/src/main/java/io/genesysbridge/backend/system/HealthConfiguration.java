package io.genesysbridge.backend.system;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health wiring: the {@code circuitBreakers} contributor (shown in readiness, never failing it;
 * the groups themselves are configured in application.yml), the readiness gauge, and a Redis
 * reconnect back-off short enough for readiness to recover on its own.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	/** The readiness probe's health group. */
	static final String READINESS_GROUP = "readiness";

	static final Duration REDIS_RECONNECT_CAP = Duration.ofSeconds(2);

	/**
	 * Caps Lettuce's reconnect back-off at {@link #REDIS_RECONNECT_CAP} (its default grows to
	 * 30s): after a long Redis outage the shared connection, and with it readiness and message
	 * processing, come back within seconds of Redis answering again, not half a minute later.
	 */
	@Bean
	ClientResourcesBuilderCustomizer redisReconnectBackOff() {
		return (resources) -> resources.reconnectDelay(
				Delay.exponential(Duration.ofMillis(100), REDIS_RECONNECT_CAP, 2, TimeUnit.MILLISECONDS));
	}

	@Bean
	HealthIndicator circuitBreakersHealthIndicator(CircuitBreakerRegistry registry) {
		return new CircuitBreakersHealthIndicator(registry);
	}

	@Bean
	ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health, MeterRegistry registry, Clock clock) {
		return new ReadinessGauge(() -> isUp(health.getIfAvailable()), clock,
				(task) -> Thread.ofVirtual().name("readiness-gauge").start(task))
			.register(registry);
	}

	private static boolean isUp(@Nullable HealthEndpoint health) {
		if (health == null) {
			return false;
		}
		HealthDescriptor readiness = health.healthForPath(READINESS_GROUP);
		return readiness != null && Status.UP.equals(readiness.getStatus());
	}

}
