package io.genesysbridge.backend.genesys;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The Genesys clients wired like production ({@link GenesysTestKit}) for tests of other
 * features, e.g. the REST API against a fake Genesys, which cannot reach the package-private
 * wiring themselves.
 */
public final class GenesysTestClients {

	private final GenesysTestKit kit;

	public GenesysTestClients(ReactiveStringRedisTemplate redis) {
		this.kit = new GenesysTestKit(redis, Duration.ofSeconds(5), Duration.ofSeconds(60));
	}

	public GenesysClient inbound() {
		return this.kit.client;
	}

	public GenesysConversationsClient conversations() {
		return this.kit.conversations;
	}

	public GenesysDirectoryClient directory() {
		return this.kit.directory;
	}

}
