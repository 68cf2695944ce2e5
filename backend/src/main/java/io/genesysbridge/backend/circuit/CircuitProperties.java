package io.genesysbridge.backend.circuit;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One circuit breaker per Genesys org (tenant). Only transient Genesys failures count (timeouts,
 * connection errors, 408, 5xx); 4xx answers, Genesys 429s and the bridge's own rate-limit
 * refusals do not, since they say nothing about the org being down.
 *
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindow time window over which the failure rate is computed
 * @param minimumCalls calls needed in the window before the rate is judged
 * @param waitInOpenState how long the circuit stays open before trial calls
 * @param halfOpenCalls trial calls allowed in half-open state
 * @param keyPrefix Redis prefix of the mirrored state ({@code <prefix><name>},
 * {@code <prefix><name>:transitions}, {@code <prefix><name>:forced}, {@code <prefix>index})
 * @param transitionsKept transitions kept per circuit in Redis
 * @param forcedStatePoll how often each replica looks for forced states set by operators
 */
@Validated
@ConfigurationProperties("app.circuit")
public record CircuitProperties(@DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
		@DefaultValue("60s") Duration slidingWindow, @DefaultValue("20") @Min(1) int minimumCalls,
		@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("5") @Min(1) int halfOpenCalls,
		@DefaultValue("genesys-bridge:circuit:") String keyPrefix, @DefaultValue("50") int transitionsKept,
		@DefaultValue("1s") Duration forcedStatePoll) {
}
