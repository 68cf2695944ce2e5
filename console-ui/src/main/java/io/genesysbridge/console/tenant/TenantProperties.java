package io.genesysbridge.console.tenant;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the processor keeps tenants, pauses and rate-limit buckets (must match its
 * {@code app.tenants.key-prefix}, {@code app.pause.key-prefix} and
 * {@code app.ratelimit.key-prefix}), and the bounds of a limit an operator may set.
 *
 * @param keyPrefix tenant records ({@code <prefix><id>}, JSON) and their index set
 * ({@code <prefix>index})
 * @param pauseKeyPrefix pause hashes ({@code <prefix><id>}: by, reason, at)
 * @param rateLimitKeyPrefix GCRA buckets ({@code <prefix>{<clientId>}:tenant:<id>}, value
 * = the theoretical arrival time in microseconds on Redis's clock)
 * @param clientPerMinute the processor's {@code app.ratelimit.client-per-minute}, to show
 * the OAuth client's shared bucket
 * @param clientBurst the processor's {@code app.ratelimit.client-burst}
 * @param maxPerMinute the highest rate an operator may set
 * @param maxBurst the highest burst an operator may set
 */
@Validated
@ConfigurationProperties("console.tenants")
public record TenantProperties(@DefaultValue("genesys-bridge:tenant:") @NotBlank String keyPrefix,
		@DefaultValue("genesys-bridge:paused:") @NotBlank String pauseKeyPrefix,
		@DefaultValue("genesys-bridge:rl:") @NotBlank String rateLimitKeyPrefix,
		@DefaultValue("300") @Min(1) int clientPerMinute, @DefaultValue("20") @Min(1) int clientBurst,
		@DefaultValue("100000") @Min(1) int maxPerMinute, @DefaultValue("10000") @Min(1) int maxBurst) {
}
