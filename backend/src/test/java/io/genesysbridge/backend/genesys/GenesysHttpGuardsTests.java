package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the guards sit: a call guard (the circuit breaker) around the whole call, token fetch
 * included; a per-request guard (the rate limiter) around each HTTP request once its token is at
 * hand, so a token fetch never lets reserved permits pass, and the retry after a 401 is a
 * request of its own. Fake Genesys, real Redis.
 */
class GenesysHttpGuardsTests {

	private static final String INTEGRATION = "integration-guards";

	private static FakeGenesys fake;

	private static LocalRedis redis;

	private final List<String> events = new CopyOnWriteArrayList<>();

	private Tenant tenant;

	private GenesysTestKit kit;

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
		this.tenant = GenesysTestKit.tenant(fake, INTEGRATION);
		this.kit = new GenesysTestKit(redis.template(), Duration.ofSeconds(2), Duration.ofSeconds(60),
				List.of(recording("request", 10, true), recording("call", 0, false)));
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("tenant:" + this.tenant.id() + ":*");
	}

	@Test
	void shouldGuardTheWholeCallOutsideAndEachRequestOnceItsTokenIsAtHand() {
		send("wamid.G1");

		assertThat(this.events).containsExactly("call after 0 token requests", "request after 1 token requests");
	}

	@Test
	void shouldGuardTheRetryAfterA401AsARequestOfItsOwn() {
		send("wamid.G2");
		fake.expireAllTokens();
		this.events.clear();

		send("wamid.G3");

		assertThat(this.events).containsExactly("call after 1 token requests", "request after 1 token requests",
				"request after 2 token requests");
	}

	private void send(String wamid) {
		this.kit.client.sendInboundMessage(this.tenant, INTEGRATION, GenesysTestKit.message(wamid))
			.block(Duration.ofSeconds(10));
	}

	private GenesysCallGuard recording(String name, int order, boolean perRequest) {
		List<String> log = this.events;
		return new GenesysCallGuard() {

			@Override
			public int order() {
				return order;
			}

			@Override
			public boolean perRequest() {
				return perRequest;
			}

			@Override
			public <T> Mono<T> guard(Tenant tenant, String operation, Mono<T> call) {
				return Mono.defer(() -> {
					log.add(name + " after " + fake.tokenRequests() + " token requests");
					return call;
				});
			}

		};
	}

}
