package io.genesysbridge.backend.dedupe;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound dedupe claim and release scripts on a 3-master Redis Cluster. They fail open, so
 * the test asserts the states a working Redis gives, never {@code UNAVAILABLE}.
 */
class DedupeStoreClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final String tenant = "test-" + UUID.randomUUID();

	@Test
	void shouldClaimDeliverAndReleaseOnEveryMaster() {
		RedisServers.cluster().run((redis) -> {
			DedupeStore store = new DedupeStore(redis, Bound.properties("app.dedupe", DedupeProperties.class),
					new SimpleMeterRegistry());
			for (int i = 0; i < 30; i++) {
				DedupeClaim claim = store.claim(this.tenant, "wamid." + i).block(WAIT);
				assertThat(claim.state()).isEqualTo(DedupeClaim.State.CLAIMED);
				assertThat(store.claim(this.tenant, "wamid." + i).block(WAIT).state())
					.isEqualTo(DedupeClaim.State.IN_FLIGHT);
				store.release(claim).block(WAIT);
				DedupeClaim again = store.claim(this.tenant, "wamid." + i).block(WAIT);
				assertThat(again.state()).isEqualTo(DedupeClaim.State.CLAIMED);
				store.markDelivered(again, "gen-" + i, "conv-" + i).block(WAIT);
				assertThat(store.claim(this.tenant, "wamid." + i).block(WAIT).state())
					.isEqualTo(DedupeClaim.State.DELIVERED);
			}
		});
	}

}
