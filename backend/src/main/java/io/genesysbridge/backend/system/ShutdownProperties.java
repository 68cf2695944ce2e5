package io.genesysbridge.backend.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Graceful shutdown of the stream consumers.
 *
 * @param drainTimeout how long the consumers get, after they stopped taking new messages, to
 * finish the messages they hold; past it their remaining messages are abandoned unacknowledged,
 * and RabbitMQ redelivers them to another replica once this one's connection closes. Keep it
 * below {@code spring.lifecycle.timeout-per-shutdown-phase}, and the whole shutdown below the
 * pod's {@code terminationGracePeriodSeconds} (docs/operations-runtime.md)
 */
@Validated
@ConfigurationProperties("app.shutdown")
public record ShutdownProperties(@DefaultValue("20s") Duration drainTimeout) {
}
