package io.genesysbridge.console.metrics;

import java.net.InetAddress;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the processor metrics reader, resolving {@code dns+} URLs with the JVM's resolver.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	ProcessorMetrics bridgeProcessorMetrics(MetricsProperties properties, Clock clock) {
		return new ProcessorMetrics(properties, clock, new ScrapeTargets(InetAddress::getAllByName));
	}

}
