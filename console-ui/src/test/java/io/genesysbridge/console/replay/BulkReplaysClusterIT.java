package io.genesysbridge.console.replay;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk replay scripts (status transition, cursor advance, lease renewal) on a 3-master Redis
 * Cluster, with one dead-letter prefix per master: each call declares the key whose slot it
 * must reach.
 */
class BulkReplaysClusterIT {

	private final String run = "test:" + UUID.randomUUID();

	@Test
	void shouldRunAnOperationWhicheverMasterOwnsThePrefix() {
		List<String> prefixes = IntStream.range(0, 100)
			.mapToObj((i) -> this.run + ":{deadletters-" + i + "}:")
			.collect(java.util.stream.Collectors.groupingBy(RedisServers::clusterMaster))
			.values()
			.stream()
			.map(List::getFirst)
			.toList();
		assertThat(prefixes).hasSize(3);
		ReplayProperties properties = new Binder(new MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("console.replay", ReplayProperties.class);

		RedisServers.cluster().runBlocking((redis) -> {
			for (String prefix : prefixes) {
				BulkReplays replays = new BulkReplays(redis, prefix, properties, Clock.systemUTC());
				String id = replays.prepare(List.of("a", "b", "c"), "scope", "tester", 10);

				assertThat(replays.confirm(id, "tester", 10, "reason")).isTrue();
				assertThat(replays.confirm(id, "tester", 10, "reason")).as("already running").isFalse();
				assertThat(replays.advance(id, 0, "replayed", "")).isTrue();
				assertThat(replays.advance(id, 0, "replayed", "")).as("the cursor moved on").isFalse();
				assertThat(replays.advance(id, 1, "", "b")).isTrue();
				assertThat(replays.length(id)).as("b pushed back at the end").isEqualTo(4L);
				assertThat(replays.lease(id, "console-1")).isTrue();
				assertThat(replays.lease(id, "console-1")).as("renewed").isTrue();
				assertThat(replays.lease(id, "console-2")).isFalse();
				assertThat(replays.finish(id, "RUNNING", "FINISHED")).isTrue();
				assertThat(replays.cursor(id)).isEqualTo(2);
			}
		});
	}

}
