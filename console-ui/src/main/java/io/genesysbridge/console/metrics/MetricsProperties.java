package io.genesysbridge.console.metrics;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the processor's metrics are read. The console scrapes each replica's Prometheus
 * endpoint itself and keeps a short history in memory, enough for "the last minutes";
 * long history belongs to Prometheus and Grafana.
 *
 * @param prometheusUrls the Prometheus endpoint of every processor replica (counters are
 * summed; a URL behind a load balancer that answers from a different replica each time
 * gives meaningless rates); a URL prefixed {@code dns+} (e.g.
 * {@code dns+http://processor-headless:8081/actuator/prometheus}) stands for every address
 * its host name resolves to at each scrape, as a Kubernetes headless Service lists its pods
 * @param interval how often they are read
 * @param history how long samples are kept
 * @param timeout bound on one read
 */
@Validated
@ConfigurationProperties("console.metrics")
public record MetricsProperties(@DefaultValue("http://127.0.0.1:8081/actuator/prometheus") List<URI> prometheusUrls,
		@DefaultValue("5s") Duration interval, @DefaultValue("15m") Duration history,
		@DefaultValue("2s") Duration timeout) {
}
