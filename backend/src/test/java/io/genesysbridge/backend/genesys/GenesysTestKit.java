package io.genesysbridge.backend.genesys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import io.genesysbridge.backend.tenant.GenesysRegion;
import io.genesysbridge.backend.tenant.RateLimit;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

/**
 * Wires the Genesys client like production, against a {@link FakeGenesys} and real Redis.
 */
final class GenesysTestKit {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final GenesysTokenProvider tokens;

	final GenesysClient client;

	final GenesysHttp http;

	final GenesysConversationsClient conversations;

	final GenesysDirectoryClient directory;

	GenesysTestKit(ReactiveStringRedisTemplate redis, Duration readTimeout, Duration refreshMargin) {
		this(redis, readTimeout, refreshMargin, List.of());
	}

	GenesysTestKit(ReactiveStringRedisTemplate redis, Duration readTimeout, Duration refreshMargin,
			List<GenesysCallGuard> guards) {
		JsonMapper json = JsonMapper.builder().build();
		Clock clock = Clock.systemUTC();
		GenesysErrors errors = new GenesysErrors(json, clock);
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
			.responseTimeout(readTimeout);
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.tokens = new GenesysTokenProvider(new OAuthClient(webClient, errors, clock), redis,
				new GenesysProperties.Token(refreshMargin, Duration.ofSeconds(5), Duration.ofSeconds(5),
						"tenant:%s:oauth:token"),
				clock, new GenesysMetrics(this.registry));
		this.http = new GenesysHttp(webClient, this.tokens, errors, guards);
		this.client = new GenesysClient(this.http);
		this.conversations = new GenesysConversationsClient(this.http);
		this.directory = new GenesysDirectoryClient(this.http);
	}

	static Tenant tenant(FakeGenesys fake, String integrationId) {
		String id = "test-" + UUID.randomUUID();
		String clientId = "client-" + id;
		fake.registerClient(clientId, "secret-" + id);
		fake.registerIntegration(integrationId);
		return new Tenant(id, GenesysRegion.of("mypurecloud.com", fake.baseUrl(), fake.baseUrl()), clientId,
				"secret-" + id, List.of(integrationId), true, RateLimit.DEFAULT);
	}

	static OpenInboundMessage message(String wamid) {
		return new OpenInboundMessage(new OpenInboundMessage.Channel(wamid,
				new OpenInboundMessage.From("919876543210", "Phone", "John", null, null), "2026-11-15T03:33:20.000Z"),
				"hello", List.of());
	}

}
