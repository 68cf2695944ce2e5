package io.genesysbridge.backend.genesys;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.support.RedisServers;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth token cache's scripts (read with its lifetime, compare-and-delete of the token and of
 * the fetch lock) on a 3-master Redis Cluster: two "replicas" share one fetch per tenant.
 */
class GenesysTokenProviderClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static FakeGenesys fake;

	@BeforeAll
	static void start() {
		fake = FakeGenesys.start();
	}

	@AfterAll
	static void stop() {
		fake.close();
	}

	@Test
	void shouldShareOneTokenBetweenTwoReplicasAndForgetARefusedOne() {
		RedisServers.cluster().run((redis) -> {
			for (int i = 0; i < 6; i++) {
				fake.reset();
				Tenant tenant = GenesysTestKit.tenant(fake, "integration-" + i);
				GenesysTestKit replicaA = new GenesysTestKit(redis, Duration.ofSeconds(5), Duration.ofSeconds(60));
				GenesysTestKit replicaB = new GenesysTestKit(redis, Duration.ofSeconds(5), Duration.ofSeconds(60));

				AccessToken first = replicaA.tokens.token(tenant).block(WAIT);
				AccessToken shared = replicaB.tokens.token(tenant).block(WAIT);
				replicaB.tokens.invalidate(tenant, shared).block(WAIT);
				AccessToken fresh = new GenesysTestKit(redis, Duration.ofSeconds(5), Duration.ofSeconds(60)).tokens
					.token(tenant)
					.block(WAIT);

				assertThat(shared.value()).isEqualTo(first.value());
				assertThat(fresh.value()).isNotEqualTo(first.value());
				assertThat(fake.tokenRequests()).isEqualTo(2);
			}
		});
	}

}
