package io.genesysbridge.backend.inbound;

import java.time.Duration;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inbound delivery settings. Queue names and retry live in the binder configuration.
 *
 * @param attemptTimeout upper bound of one delivery attempt (tenant lookup, dedupe claim, token,
 * Genesys call); past it the attempt fails as transient and binder retry takes over
 * @param defaultIdType {@code channel.from.idType} sent to Genesys when the envelope has none
 */
@Validated
@ConfigurationProperties("app.inbound")
public record InboundProperties(@DefaultValue("30s") Duration attemptTimeout,
		@DefaultValue("Opaque") @Pattern(regexp = "Phone|Email|Opaque") String defaultIdType) {
}
