package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * The dead-letter scripts (ingest, claim, take-over, release, complete, archive, restore,
 * delete) and the pipelined summary read on a 3-master Redis Cluster. The scripts build their
 * keys from the prefix's hash tag and declare the record's key only so the call reaches the node
 * owning that slot; the test uses one prefix per master.
 */
class DeadLetterStoreClusterIT {

	private final String run = "test:" + UUID.randomUUID();

	@Test
	void shouldKeepAndChangeDeadLettersWhicheverMasterOwnsThePrefix() {
		List<String> prefixes = IntStream.range(0, 100)
			.mapToObj((i) -> this.run + ":{deadletters-" + i + "}:")
			.filter(distinctMasters())
			.toList();
		assertThat(prefixes).hasSize(3);

		RedisServers.cluster().runBlocking((redis) -> {
			for (String prefix : prefixes) {
				DeadLetterStore store = new DeadLetterStore(redis, properties(prefix), JsonMapper.builder().build(),
						Clock.systemUTC());
				List<String> ids = IntStream.range(0, 30).mapToObj((i) -> "dl-" + i).toList();
				for (int i = 0; i < ids.size(); i++) {
					assertThat(store.store(intake(ids.get(i), i))).isEqualTo(1L);
					assertThat(store.store(intake(ids.get(i), i))).as("the same DLQ message again").isZero();
				}
				assertThat(store.summaries(ids)).hasSize(30);

				assertThat(store.claim("dl-29", "t1", "", "tester")).isEqualTo("OK");
				assertThat(store.takeOver("dl-29", "t1", "t2")).isEqualTo("OK");
				assertThat(store.release("dl-29", "t2", "refused")).isEqualTo("OK");
				assertThat(store.claim("dl-29", "t3", "", "tester")).isEqualTo("OK");
				assertThat(store.complete("dl-29", "t3", "")).isEqualTo("REPLAYED");
				assertThat(store.archive("dl-28", "tester", "noise")).isEqualTo("OK");
				assertThat(store.restore("dl-28")).isEqualTo("OK");

				assertThat(store.trim()).as("the oldest beyond the count limit").isEqualTo(20);
				assertThat(store.size()).isEqualTo(10L);
			}
		});
	}

	private static java.util.function.Predicate<String> distinctMasters() {
		boolean[] seen = new boolean[3];
		return (prefix) -> {
			int master = RedisServers.clusterMaster(prefix);
			boolean first = !seen[master];
			seen[master] = true;
			return first;
		};
	}

	private static DeadLetterProperties properties(String prefix) {
		return new Binder(new MapConfigurationPropertySource(Map.of("console.dead-letters.key-prefix", prefix,
				"console.dead-letters.retention.max-count", "10")))
			.bindOrCreate("console.dead-letters", DeadLetterProperties.class);
	}

	private static Intake intake(String id, int i) {
		Instant failed = Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i);
		return new Intake(id, "inbound", "tenant-a", "wamid." + i, "corr-" + i, "validation.body.not-json",
				"PERMANENT", "detail", "InvalidMessageException", "message", "stack", "fingerprint", 1, failed, failed,
				"genesys.outbound.ready", "marker-" + i, "{}".getBytes(StandardCharsets.UTF_8), 2, false, Map.of(),
				Map.of(), 0, List.of("wamid." + i, "corr-" + i));
	}

}
