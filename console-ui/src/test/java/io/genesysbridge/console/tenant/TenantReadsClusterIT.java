package io.genesysbridge.console.tenant;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant page's Redis use on a 3-master Redis Cluster: pause flags and rate-limit buckets of
 * many tenants read in one pipeline although their keys live on different masters, and a limit
 * changed with the compare-and-set script.
 */
class TenantReadsClusterIT {

	private final String run = "test:" + UUID.randomUUID() + ":";

	private final List<String> tenants = IntStream.range(0, 20).mapToObj((i) -> "tenant-" + i).toList();

	@Test
	void shouldReadPausesAndBudgetsOfTenantsOnEveryMaster() {
		TenantProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("console.tenants.key-prefix",
				this.run + "tenant:", "console.tenants.pause-key-prefix", this.run + "paused:",
				"console.tenants.rate-limit-key-prefix", this.run + "rl:")))
			.bindOrCreate("console.tenants", TenantProperties.class);
		assertThat(this.tenants.stream().map((id) -> RedisServers.clusterMaster(this.run + "paused:" + id)).distinct())
			.hasSize(3);

		RedisServers.cluster().runBlocking((redis) -> {
			TenantPauses pauses = new TenantPauses(redis, properties, Clock.systemUTC());
			this.tenants.stream().filter((id) -> id.endsWith("0") || id.endsWith("5")).forEach((id) -> pauses.pause(id,
					"tester", "maintenance"));
			assertThat(pauses.find(this.tenants)).containsOnlyKeys("tenant-0", "tenant-5", "tenant-10", "tenant-15");
			assertThat(pauses.resume("tenant-0")).isTrue();

			TenantStore store = new TenantStore(redis, properties, JsonMapper.builder().build(), Clock.systemUTC());
			List<TenantRecord> records = this.tenants.stream().map((id) -> {
				redis.opsForValue()
					.set(this.run + "tenant:" + id, "{\"id\":\"" + id + "\",\"clientId\":\"client-" + id
							+ "\",\"integrationIds\":[],\"enabled\":true,\"rateLimitPerMinute\":60,\"rateLimitBurst\":5}");
				return store.changeLimit(id, 120, 10).orElseThrow();
			}).toList();
			assertThat(store.find("tenant-7").orElseThrow().perMinute()).isEqualTo(120);

			Map<String, RateUsage> usage = new RateLimitReader(redis, properties).usage(records);
			assertThat(usage).hasSize(20).allSatisfy((id, budget) -> assertThat(budget.available()).isEqualTo(5));
		});
	}

}
