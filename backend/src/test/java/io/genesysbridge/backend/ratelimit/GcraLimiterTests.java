package io.genesysbridge.backend.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.genesysbridge.backend.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

class GcraLimiterTests {

	private static LocalRedis redis;

	private static LocalRedis secondReplica;

	private final String prefix = "test:" + UUID.randomUUID() + ":rl:";

	private final GcraLimiter.Buckets buckets = GcraLimiter.Buckets.of(this.prefix, "client-1", "tenant-1");

	private final GcraLimiter.Rate unlimited = new GcraLimiter.Rate(6_000_000, 1000);

	@BeforeAll
	static void connect() {
		redis = LocalRedis.connect();
		secondReplica = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
		secondReplica.close();
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching(this.prefix + "*");
	}

	@Test
	void shouldGrantTheBurstAtOnceThenRefuseWithTheWait() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		GcraLimiter.Rate oneASecond = new GcraLimiter.Rate(60, 3);

		List<Duration> answers = Flux.range(0, 4)
			.concatMap((i) -> limiter.acquire(this.buckets, oneASecond, this.unlimited, Duration.ZERO).map(GcraLimiter.Permit::signedWait))
			.collectList()
			.block();

		assertThat(answers.subList(0, 3)).allSatisfy((wait) -> assertThat(wait).isZero());
		assertThat(answers.get(3)).isNegative();
		assertThat(answers.get(3).negated()).as("the rest of one 1 s interval, minus time spent meanwhile")
			.isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
	}

	@Test
	void shouldReserveAPermitDueWithinTheWaitBound() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		GcraLimiter.Rate onePerSecond = new GcraLimiter.Rate(60, 1);
		Duration bound = Duration.ofMillis(2500);

		Duration first = limiter.acquire(this.buckets, onePerSecond, this.unlimited, bound).map(GcraLimiter.Permit::signedWait).block();
		Duration second = limiter.acquire(this.buckets, onePerSecond, this.unlimited, bound).map(GcraLimiter.Permit::signedWait).block();
		Duration third = limiter.acquire(this.buckets, onePerSecond, this.unlimited, bound).map(GcraLimiter.Permit::signedWait).block();
		Duration fourth = limiter.acquire(this.buckets, onePerSecond, this.unlimited, bound).map(GcraLimiter.Permit::signedWait).block();

		assertThat(first).isZero();
		assertThat(second).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		assertThat(third).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
		assertThat(fourth).as("due in about 3 s, beyond the bound: refused, not reserved").isNegative();
	}

	@Test
	void shouldLetTheClientBucketLimitTenantsSharingAClient() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		GcraLimiter.Rate clientTwoAtOnce = new GcraLimiter.Rate(60, 2);
		GcraLimiter.Buckets otherTenant = GcraLimiter.Buckets.of(this.prefix, "client-1", "tenant-2");

		Duration a = limiter.acquire(this.buckets, this.unlimited, clientTwoAtOnce, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block();
		Duration b = limiter.acquire(otherTenant, this.unlimited, clientTwoAtOnce, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block();
		Duration c = limiter.acquire(otherTenant, this.unlimited, clientTwoAtOnce, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block();

		assertThat(a).isZero();
		assertThat(b).isZero();
		assertThat(c).isNegative();
	}

	@Test
	void shouldNeverGrantMoreThanTheBudgetAcrossTwoReplicasRacing() {
		GcraLimiter replicaA = new GcraLimiter(redis.template());
		GcraLimiter replicaB = new GcraLimiter(secondReplica.template());
		GcraLimiter.Rate rate = new GcraLimiter.Rate(60, 10);
		long start = System.nanoTime();

		List<Duration> answers = Flux
			.merge(Flux.range(0, 200)
				.flatMap((i) -> replicaA.acquire(this.buckets, rate, this.unlimited, Duration.ZERO).map(GcraLimiter.Permit::signedWait)),
					Flux.range(0, 200)
						.flatMap((i) -> replicaB.acquire(this.buckets, rate, this.unlimited, Duration.ZERO).map(GcraLimiter.Permit::signedWait)))
			.subscribeOn(Schedulers.parallel())
			.collectList()
			.block(Duration.ofSeconds(20));
		double elapsedSeconds = (System.nanoTime() - start) / 1e9;

		long granted = answers.stream().filter((wait) -> !wait.isNegative()).count();
		assertThat(answers).hasSize(400);
		assertThat(granted).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(10 + (long) Math.ceil(elapsedSeconds) + 1);
	}

	@Test
	void shouldSlowTheClientAfterAPenalty() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		GcraLimiter.Rate client = new GcraLimiter.Rate(60, 1);
		limiter.acquire(this.buckets, this.unlimited, client, Duration.ZERO).map(GcraLimiter.Permit::signedWait).block();

		limiter.penalize(this.buckets, 0.5, Duration.ofSeconds(10)).block();
		limiter.acquire(this.buckets, this.unlimited, client, Duration.ofSeconds(5)).block();
		Duration wait = limiter.acquire(this.buckets, this.unlimited, client, Duration.ofSeconds(5)).map(GcraLimiter.Permit::signedWait).block();

		assertThat(wait).as("what is left of the first 1 s interval, then a doubled 2 s one")
			.isBetween(Duration.ofMillis(2500), Duration.ofMillis(3000));
	}

	@Test
	void shouldAnswerWithRedisClockSoTheCallerCanTellHowLateItHandlesTheReply() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		long before = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now());

		GcraLimiter.Permit permit = limiter.acquire(this.buckets, this.unlimited, this.unlimited, Duration.ZERO).block();

		assertThat(permit.granted()).isTrue();
		assertThat(permit.redisNowMicros()).as("Redis runs on this machine, so its clock is this one's")
			.isBetween(before - 1_000_000, before + 1_000_000);
	}

	@Test
	void shouldTellWhetherAPermitLeftTheBucketAtItsLimit() {
		GcraLimiter limiter = new GcraLimiter(redis.template());
		GcraLimiter.Rate threeAtOnce = new GcraLimiter.Rate(60, 3);

		List<GcraLimiter.Permit> permits = Flux.range(0, 3)
			.concatMap((i) -> limiter.acquire(this.buckets, threeAtOnce, this.unlimited, Duration.ZERO))
			.collectList()
			.block();

		assertThat(permits).extracting(GcraLimiter.Permit::atLimit).as("burst left, burst left, the last of it")
			.containsExactly(false, false, true);
	}

}
