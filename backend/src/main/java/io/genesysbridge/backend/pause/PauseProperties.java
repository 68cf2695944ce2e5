package io.genesysbridge.backend.pause;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tenant pause flags.
 *
 * @param keyPrefix the flag of tenant {@code t} is {@code <prefix>t} (a hash: by, reason, at)
 * @param cacheTtl how long a replica trusts its last read of a flag; a pause or resume takes
 * effect on every replica within this
 * @param holdDelay how long a paused tenant's message is deferred before it is looked at again
 */
@Validated
@ConfigurationProperties("app.pause")
public record PauseProperties(@DefaultValue("genesys-bridge:paused:") String keyPrefix,
		@DefaultValue("500ms") Duration cacheTtl, @DefaultValue("5s") Duration holdDelay) {
}
