package io.genesysbridge.backend.system;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the processor's meters.
 *
 * @param maxTaggedTenants how many distinct tenants a replica puts into {@code tenant} tags
 * (deferrals, Genesys 429s); the first this many seen keep their own series, later ones are
 * tagged {@code other} and counted in {@code genesysbridge.metrics.tenants.untagged}, so a
 * flood of tenant ids can never grow Prometheus without bound
 */
@Validated
@ConfigurationProperties("app.metrics")
public record MetricsProperties(@DefaultValue("200") @Min(0) int maxTaggedTenants) {
}
