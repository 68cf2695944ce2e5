package io.genesysbridge.console.circuit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the processor mirrors its circuit breakers (must match its
 * {@code app.circuit.key-prefix}).
 *
 * @param keyPrefix state hashes {@code <prefix><name>}, transitions
 * {@code <prefix><name>:transitions}, forced states {@code <prefix><name>:forced} and the
 * index {@code <prefix>index}
 * @param namePrefix a tenant's circuit is named {@code <namePrefix><tenantId>}
 * @param transitionsShown how many recent transitions the page lists per circuit
 */
@Validated
@ConfigurationProperties("console.circuits")
public record CircuitProperties(@DefaultValue("genesys-bridge:circuit:") @NotBlank String keyPrefix,
		@DefaultValue("genesys-") String namePrefix, @DefaultValue("10") @Min(1) int transitionsShown) {
}
