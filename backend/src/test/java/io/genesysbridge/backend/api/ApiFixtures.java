package io.genesysbridge.backend.api;

import java.util.List;
import java.util.UUID;

import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.GenesysRegion;
import io.genesysbridge.backend.tenant.RateLimit;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

/**
 * What every API test of this JVM shares: one fake Genesys with 30 users, the real Redis, the
 * test tenants and the API keys. Ids carry a run id, and {@link #cleanUp()} removes what the
 * run left in Redis.
 */
final class ApiFixtures {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final FakeGenesys FAKE = startFake();

	static final LocalRedis REDIS = LocalRedis.connect();

	static final String INTEGRATION = "api-integration-" + RUN;

	static final Tenant TENANT = tenant("main", true, List.of(INTEGRATION));

	static final Tenant OTHER_TENANT = tenant("other", true, List.of(INTEGRATION));

	static final Tenant DISABLED_TENANT = tenant("disabled", false, List.of(INTEGRATION));

	static final Tenant NO_INTEGRATION_TENANT = tenant("no-integration", true, List.of());

	/** A key for every tenant. */
	static final String KEY = "test-key-" + UUID.randomUUID();

	/** A key only for {@link #OTHER_TENANT}. */
	static final String SCOPED_KEY = "scoped-key-" + UUID.randomUUID();

	static final String REDIS_KEY_PREFIX = "it:" + RUN + ":apikey:";

	static final List<String> USER_IDS = FAKE.seedUsers(30);

	private ApiFixtures() {
	}

	private static FakeGenesys startFake() {
		FakeGenesys fake = FakeGenesys.start();
		Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
		return fake;
	}

	private static Tenant tenant(String name, boolean enabled, List<String> integrations) {
		String id = "api-" + RUN + "-" + name;
		FAKE.registerClient("client-" + id, "secret-" + id);
		integrations.forEach(FAKE::registerIntegration);
		return new Tenant(id, GenesysRegion.of("mypurecloud.com", FAKE.baseUrl(), FAKE.baseUrl()), "client-" + id,
				"secret-" + id, integrations, enabled, RateLimit.DEFAULT);
	}

	static void cleanUp() {
		REDIS.deleteMatching("tenant:api-" + RUN + "-*");
		REDIS.deleteMatching(REDIS_KEY_PREFIX + "*");
	}

}
