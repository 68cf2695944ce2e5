package io.genesysbridge.backend.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Genesys request budgets. The per-tenant rate and burst live on the tenant record (changeable at
 * run time, seen by every replica within the tenant cache TTL); the per-OAuth-client budget is
 * Genesys's own limit of about 300 requests per minute per client-credentials token.
 *
 * @param enabled switch the limiter off entirely (not recommended in production)
 * @param keyPrefix Redis prefix; keys are {@code <prefix>{<clientId>}:…} so one client's keys
 * share a Redis Cluster hash slot
 * @param maxWait a call whose permit is due within this waits for it; a later permit is refused
 * with {@link RateLimitedException} (the stream defers the message, the REST API answers 429)
 * @param clientPerMinute sustained requests per minute per OAuth client
 * @param clientBurst requests per OAuth client allowed at once
 * @param penaltyFactor after a Genesys 429 the client's rate is multiplied by this until the
 * Retry-After has passed
 */
@Validated
@ConfigurationProperties("app.ratelimit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("genesys-bridge:rl:") String keyPrefix, @DefaultValue("250ms") Duration maxWait,
		@DefaultValue("300") @Min(1) int clientPerMinute, @DefaultValue("20") @Min(1) int clientBurst,
		@DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1") double penaltyFactor) {
}
