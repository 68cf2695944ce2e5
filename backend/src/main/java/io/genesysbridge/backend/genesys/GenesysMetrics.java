package io.genesysbridge.backend.genesys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters of the Genesys client. Call latency by operation and status comes from Spring's own
 * {@code http.client.requests} observation of the WebClient.
 */
final class GenesysMetrics {

	static final String TOKEN_FETCHES = "genesysbridge.genesys.token.fetches";

	static final String TOKEN_CACHE_UNAVAILABLE = "genesysbridge.genesys.token.cache.unavailable";

	private final MeterRegistry registry;

	private final Counter cacheUnavailable;

	GenesysMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.cacheUnavailable = Counter.builder(TOKEN_CACHE_UNAVAILABLE)
			.description("Token lookups that found Redis unreachable and fetched without sharing")
			.register(registry);
	}

	void tokenFetched(String outcome) {
		Counter.builder(TOKEN_FETCHES)
			.description("OAuth token requests sent to Genesys, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	void tokenCacheUnavailable() {
		this.cacheUnavailable.increment();
	}

}
