package io.genesysbridge.backend.resilience;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What binder retry cannot express itself. Attempts and back-off stay in the binder's own
 * consumer properties ({@code spring.cloud.stream.bindings.<binding>.consumer.max-attempts},
 * {@code back-off-initial-interval}, {@code back-off-multiplier}, {@code back-off-max-interval},
 * {@code retryable-exceptions}).
 *
 * @param jitter random spread applied to each back-off delay, as a fraction (0.2 = ±20 %), so
 * that messages failing together do not retry together
 */
@Validated
@ConfigurationProperties("app.retry")
public record RetryProperties(@DefaultValue("0.2") @DecimalMin("0") @DecimalMax("1") double jitter) {
}
