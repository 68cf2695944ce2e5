package io.genesysbridge.backend.genesys;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the Genesys WebClient (connect and response timeouts, a bounded connection pool) and
 * the token provider.
 */
@Configuration(proxyBeanMethods = false)
class GenesysClientConfiguration {

	private static final int MAX_CONNECTIONS = 500;

	@Bean
	GenesysMetrics genesysMetrics(MeterRegistry registry) {
		return new GenesysMetrics(registry);
	}

	@Bean
	GenesysErrors genesysErrors(JsonMapper json, Clock clock) {
		return new GenesysErrors(json, clock);
	}

	@Bean
	GenesysHttp genesysHttp(WebClient.Builder builder, GenesysProperties properties, ReactiveStringRedisTemplate redis,
			GenesysErrors errors, Clock clock, GenesysMetrics metrics, ObjectProvider<GenesysCallGuard> guards) {
		ConnectionProvider pool = ConnectionProvider.builder("genesys")
			.maxConnections(MAX_CONNECTIONS)
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient http = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.readTimeout());
		WebClient webClient = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
		OAuthClient oauth = new OAuthClient(webClient, errors, clock);
		GenesysTokenProvider tokens = new GenesysTokenProvider(oauth, redis, properties.token(), clock, metrics);
		return new GenesysHttp(webClient, tokens, errors, guards.orderedStream().toList());
	}

	@Bean
	GenesysClient genesysClient(GenesysHttp http) {
		return new GenesysClient(http);
	}

}
