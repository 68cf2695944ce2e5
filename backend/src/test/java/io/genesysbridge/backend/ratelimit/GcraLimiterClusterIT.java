package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.ratelimit.GcraLimiter.Buckets;
import io.genesysbridge.backend.ratelimit.GcraLimiter.Rate;
import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GCRA script (tenant bucket, client bucket and penalty in one call) on a 3-master Redis
 * Cluster: one client's keys share its hash tag, so every client works whichever master owns
 * it.
 */
class GcraLimiterClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final String prefix = "test:" + UUID.randomUUID() + ":rl:";

	private final List<String> clients = IntStream.range(0, 30).mapToObj((i) -> "client-" + i).toList();

	@Test
	void shouldGrantTheBurstThenRefuseOnEveryMaster() {
		assertThat(this.clients.stream().map((id) -> RedisServers.clusterMaster("{" + id + "}")).distinct()).hasSize(3);

		RedisServers.cluster().run((redis) -> {
			GcraLimiter limiter = new GcraLimiter(redis);
			Rate tenant = new Rate(60, 2);
			Rate client = new Rate(600, 20);
			for (String clientId : this.clients) {
				Buckets buckets = Buckets.of(this.prefix, clientId, "tenant-a");
				assertThat(limiter.acquire(buckets, tenant, client, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block(WAIT)).isZero();
				assertThat(limiter.acquire(buckets, tenant, client, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block(WAIT)).isZero();
				assertThat(limiter.acquire(buckets, tenant, client, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block(WAIT)).isNegative();
				limiter.penalize(buckets, 0.5, Duration.ofSeconds(10)).block(WAIT);
				Buckets other = Buckets.of(this.prefix, clientId, "tenant-b");
				assertThat(limiter.acquire(other, tenant, client, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block(WAIT)).isZero();
			}
		});
	}

}
