package io.genesysbridge.backend.typing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Typing indicators. Queue name and retry live in the binder configuration ({@code typing-in-0}).
 *
 * @param attemptTimeout upper bound of one attempt (tenant lookup, Genesys call)
 * @param maxAge an event older than this when it is processed is dropped (counted as
 * {@code stale}): a typing indicator shown late is worse than none
 */
@Validated
@ConfigurationProperties("app.typing")
public record TypingProperties(@DefaultValue("10s") Duration attemptTimeout, @DefaultValue("30s") Duration maxAge) {
}
