package io.genesysbridge.backend.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant records and their integration index on a 3-master Redis Cluster, including the
 * compare-and-delete script that unindexes an integration only if it still points at the
 * tenant.
 */
class TenantRepositoryClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final String prefix = "test:" + UUID.randomUUID() + ":tenant:";

	@Test
	void shouldIndexMoveAndUnindexIntegrationsOnEveryMaster() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		RedisServers.cluster().run((redis) -> {
			TenantRepository repository = new TenantRepository(redis, JsonMapper.builder().build(),
					new SecretCipher(key), this.prefix, Clock.systemUTC());
			for (int i = 0; i < 20; i++) {
				repository.save(tenant("t1-" + i, "int-" + i, "other-" + i)).block(WAIT);
				repository.save(tenant("t2-" + i, "int-" + i)).block(WAIT);
				repository.save(tenant("t1-" + i, "other-" + i)).block(WAIT);
				repository.save(tenant("t1-" + i)).block(WAIT);

				assertThat(repository.tenantIdOfIntegration("int-" + i).block(WAIT)).isEqualTo("t2-" + i);
				assertThat(repository.tenantIdOfIntegration("other-" + i).block(WAIT)).isNull();
				repository.delete("t2-" + i).block(WAIT);
				assertThat(repository.tenantIdOfIntegration("int-" + i).block(WAIT)).isNull();
				assertThat(repository.find("t1-" + i).block(WAIT).id()).isEqualTo("t1-" + i);
			}
		});
	}

	private static Tenant tenant(String id, String... integrations) {
		return new Tenant(id, GenesysRegion.of("mypurecloud.com", null, null), "client-" + id, "client-secret",
				List.of(integrations), true, RateLimit.DEFAULT);
	}

}
