package io.genesysbridge.backend.dedupe;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.genesysbridge.backend.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

class DedupeStoreTests {

	private static final DedupeProperties PROPERTIES = new DedupeProperties("genesys:dedupe:%1$s:%2$s",
			Duration.ofHours(24), Duration.ofMinutes(2));

	private static LocalRedis redis;

	private final String tenant = "test-" + UUID.randomUUID();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private DedupeStore store;

	@BeforeAll
	static void connect() {
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("genesys:dedupe:" + this.tenant + ":*");
	}

	@Test
	void shouldClaimOnceAndUseTheContractKey() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);

		DedupeClaim first = this.store.claim(this.tenant, "wamid.1").block();
		DedupeClaim second = this.store.claim(this.tenant, "wamid.1").block();

		assertThat(first.state()).isEqualTo(DedupeClaim.State.CLAIMED);
		assertThat(first.key()).isEqualTo("genesys:dedupe:" + this.tenant + ":wamid.1");
		assertThat(second.state()).isEqualTo(DedupeClaim.State.IN_FLIGHT);
	}

	@Test
	void shouldRememberTheDeliveryWithItsIdsForTheTtl() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);
		DedupeClaim claim = this.store.claim(this.tenant, "wamid.2").block();

		this.store.markDelivered(claim, "gen-1", "conv-1").block();
		DedupeClaim again = this.store.claim(this.tenant, "wamid.2").block();
		Long ttl = redis.template().getExpire(claim.key()).map(Duration::getSeconds).block();

		assertThat(again.state()).isEqualTo(DedupeClaim.State.DELIVERED);
		assertThat(again.genesysMessageId()).isEqualTo("gen-1");
		assertThat(again.conversationId()).isEqualTo("conv-1");
		assertThat(ttl).isBetween(Duration.ofHours(23).getSeconds(), Duration.ofHours(24).getSeconds());
	}

	@Test
	void shouldLetARetryClaimAgainAfterARelease() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);
		DedupeClaim claim = this.store.claim(this.tenant, "wamid.3").block();

		this.store.release(claim).block();

		assertThat(this.store.claim(this.tenant, "wamid.3").block().state()).isEqualTo(DedupeClaim.State.CLAIMED);
	}

	@Test
	void shouldNotReleaseAClaimThatIsNoLongerOurs() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);
		DedupeClaim stale = this.store.claim(this.tenant, "wamid.4").block();
		redis.template().opsForValue().set(stale.key(), "pending:someone-else").block();

		this.store.release(stale).block();

		assertThat(redis.template().opsForValue().get(stale.key()).block()).isEqualTo("pending:someone-else");
	}

	@Test
	void shouldTreatAValueWrittenByTheOldPlatformAsDelivered() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);
		redis.template().opsForValue().set("genesys:dedupe:" + this.tenant + ":wamid.5", "1").block();

		DedupeClaim claim = this.store.claim(this.tenant, "wamid.5").block();

		assertThat(claim.state()).isEqualTo(DedupeClaim.State.DELIVERED);
		assertThat(claim.genesysMessageId()).isNull();
	}

	@Test
	void shouldGrantExactlyOneOfManyConcurrentClaims() {
		this.store = new DedupeStore(redis.template(), PROPERTIES, this.registry);

		List<DedupeClaim> claims = Flux.range(0, 64)
			.parallel(16)
			.runOn(Schedulers.boundedElastic())
			.flatMap((i) -> this.store.claim(this.tenant, "wamid.race"))
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(claims).hasSize(64);
		assertThat(claims).filteredOn((c) -> c.state() == DedupeClaim.State.CLAIMED).hasSize(1);
		assertThat(claims).filteredOn((c) -> c.state() == DedupeClaim.State.IN_FLIGHT).hasSize(63);
	}

	@Test
	void shouldFailOpenAndCountWhenRedisIsUnreachable() {
		try (LocalRedis down = LocalRedis.unreachable()) {
			this.store = new DedupeStore(down.template(), PROPERTIES, this.registry);

			DedupeClaim claim = this.store.claim(this.tenant, "wamid.6").block(Duration.ofSeconds(10));
			this.store.markDelivered(claim, "g", "c").block(Duration.ofSeconds(10));
			this.store.release(claim).block(Duration.ofSeconds(10));

			assertThat(claim.state()).isEqualTo(DedupeClaim.State.UNAVAILABLE);
			assertThat(this.registry.get(DedupeStore.UNAVAILABLE_METRIC).counter().count()).isEqualTo(1.0);
		}
	}

}
