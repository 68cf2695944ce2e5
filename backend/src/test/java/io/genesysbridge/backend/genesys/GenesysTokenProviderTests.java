package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.genesysbridge.backend.resilience.FailureClass;
import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class GenesysTokenProviderTests {

	private static FakeGenesys fake;

	private static LocalRedis redis;

	private Tenant tenant;

	@BeforeAll
	static void start() {
		fake = FakeGenesys.start();
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void stop() {
		fake.close();
		redis.close();
	}

	@BeforeEach
	void freshTenant() {
		fake.reset();
		this.tenant = GenesysTestKit.tenant(fake, "integration-1");
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("tenant:" + this.tenant.id() + ":*");
	}

	@Test
	void shouldFetchOnceForFiftyConcurrentCallsOfAColdTenant() {
		GenesysTestKit kit = kit(Duration.ofSeconds(60));

		List<AccessToken> tokens = concurrently(kit, 50);

		assertThat(tokens).hasSize(50).extracting(AccessToken::value).containsOnly(tokens.getFirst().value());
		assertThat(fake.tokenRequests()).isEqualTo(1);
	}

	@Test
	void shouldFetchOnceAcrossTwoReplicasSharingRedis() {
		GenesysTestKit replicaA = kit(Duration.ofSeconds(60));
		GenesysTestKit replicaB = kit(Duration.ofSeconds(60));

		List<AccessToken> tokens = Flux.merge(Flux.range(0, 25).flatMap((i) -> replicaA.tokens.token(this.tenant)),
				Flux.range(0, 25).flatMap((i) -> replicaB.tokens.token(this.tenant)))
			.subscribeOn(Schedulers.parallel())
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(tokens).hasSize(50).extracting(AccessToken::value).containsOnly(tokens.getFirst().value());
		assertThat(fake.tokenRequests()).isEqualTo(1);
	}

	@Test
	void shouldCacheTheTokenInRedisUnderTheContractKeyWithItsLifetime() {
		GenesysTestKit kit = kit(Duration.ofSeconds(60));

		AccessToken token = kit.tokens.token(this.tenant).block();
		String stored = redis.template().opsForValue().get("tenant:" + this.tenant.id() + ":oauth:token").block();
		Duration ttl = redis.template().getExpire("tenant:" + this.tenant.id() + ":oauth:token").block();

		assertThat(stored).isEqualTo(token.value());
		assertThat(ttl).isBetween(Duration.ofSeconds(86000), Duration.ofSeconds(86400));
	}

	@Test
	void shouldRefreshBeforeExpiry() {
		fake.tokenLifetime(Duration.ofSeconds(62));
		GenesysTestKit kit = kit(Duration.ofSeconds(60));
		AccessToken first = kit.tokens.token(this.tenant).block();

		AccessToken stillFresh = kit.tokens.token(this.tenant).block();
		AccessToken refreshed = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> kit.tokens.token(this.tenant).block(), (token) -> !token.value().equals(first.value()));

		assertThat(stillFresh).isEqualTo(first);
		assertThat(refreshed.value()).isNotEqualTo(first.value());
		assertThat(fake.tokenRequests()).isEqualTo(2);
	}

	@Test
	void shouldFetchANewTokenAfterInvalidation() {
		GenesysTestKit kit = kit(Duration.ofSeconds(60));
		AccessToken refused = kit.tokens.token(this.tenant).block();

		kit.tokens.invalidate(this.tenant, refused).block();
		AccessToken next = kit.tokens.token(this.tenant).block();

		assertThat(next.value()).isNotEqualTo(refused.value());
		assertThat(fake.tokenRequests()).isEqualTo(2);
	}

	@Test
	void shouldTreatARejectedClientAsAPermanentConfigurationError() {
		fake.failTokenEndpoint(401);
		GenesysTestKit kit = kit(Duration.ofSeconds(60));

		assertThatExceptionOfType(GenesysRejectedException.class)
			.isThrownBy(() -> kit.tokens.token(this.tenant).block())
			.satisfies((ex) -> {
				assertThat(ex.failureClass()).isEqualTo(FailureClass.PERMANENT);
				assertThat(ex.reason()).isEqualTo("genesys.token.401");
				assertThat(ex.getMessage()).doesNotContain(this.tenant.clientSecret());
			});
		assertThat(kit.registry.get(GenesysMetrics.TOKEN_FETCHES).tag("outcome", "rejected").counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void shouldStillHandOutTokensWhenRedisIsDown() {
		try (LocalRedis down = LocalRedis.unreachable()) {
			GenesysTestKit kit = new GenesysTestKit(down.template(), Duration.ofSeconds(5), Duration.ofSeconds(60));

			AccessToken token = kit.tokens.token(this.tenant).block(Duration.ofSeconds(15));

			assertThat(token).isNotNull();
			assertThat(kit.registry.get(GenesysMetrics.TOKEN_CACHE_UNAVAILABLE).counter().count()).isEqualTo(1.0);
		}
	}

	private GenesysTestKit kit(Duration refreshMargin) {
		return new GenesysTestKit(redis.template(), Duration.ofSeconds(5), refreshMargin);
	}

	private List<AccessToken> concurrently(GenesysTestKit kit, int callers) {
		return Flux.range(0, callers)
			.parallel(callers)
			.runOn(Schedulers.boundedElastic())
			.flatMap((i) -> kit.tokens.token(this.tenant))
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(20));
	}

}
