package io.genesysbridge.backend.genesys;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.genesysbridge.backend.resilience.Classification;
import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.GenesysRegion;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class GenesysClientTests {

	private static FakeGenesys fake;

	private static LocalRedis redis;

	private final ErrorClassifier classifier = new ErrorClassifier();

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
		this.tenant = GenesysTestKit.tenant(fake, "integration-1");
		this.kit = new GenesysTestKit(redis.template(), Duration.ofSeconds(2), Duration.ofSeconds(60));
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("tenant:" + this.tenant.id() + ":*");
	}

	@Test
	void shouldReturnTheGenesysIdsOfAnAcceptedMessage() {
		InboundMessageResult result = send("wamid.1");

		assertThat(result.id()).isNotBlank();
		assertThat(result.conversationId()).isNotBlank();
		assertThat(fake.inboundMessages()).singleElement().satisfies((recorded) -> {
			assertThat(recorded.integrationId()).isEqualTo("integration-1");
			assertThat(recorded.channelMessageId()).isEqualTo("wamid.1");
			assertThat(recorded.genesysMessageId()).isEqualTo(result.id());
		});
	}

	@Test
	void shouldAcceptA200AsWellAsA202() {
		fake.successStatus(200);

		assertThat(send("wamid.2").id()).isNotBlank();
	}

	@Test
	void shouldRejectForGoodOnA400WithTheContextId() {
		OpenInboundMessage noBody = new OpenInboundMessage(GenesysTestKit.message("w").channel(), null, List.of());

		Throwable thrown = catchThrowable(
				() -> this.kit.client.sendInboundMessage(this.tenant, "integration-1", noBody).block());

		assertThat(thrown).isInstanceOfSatisfying(GenesysRejectedException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(400);
			assertThat(ex.contextId()).isNotBlank();
		});
		assertThat(this.classifier.classify(thrown).isTransient()).isFalse();
	}

	@Test
	void shouldRejectAnUnknownIntegration() {
		Throwable thrown = catchThrowable(() -> this.kit.client
			.sendInboundMessage(this.tenant, "no-such-integration", GenesysTestKit.message("w"))
			.block());

		assertThat(thrown).isInstanceOfSatisfying(GenesysRejectedException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(404));
	}

	@Test
	void shouldCarryRetryAfterOfA429() {
		fake.retryAfter(Duration.ofSeconds(2));
		fake.failNext(1, 429);

		Throwable thrown = catchThrowable(() -> send("wamid.3"));

		Classification verdict = this.classifier.classify(thrown);
		assertThat(verdict.isTransient()).isTrue();
		assertThat(verdict.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(verdict.reason()).isEqualTo("genesys.inbound-message.429");
	}

	@Test
	void shouldCallServerErrorsTransient() {
		fake.failNext(1, 503);

		assertThat(this.classifier.classify(catchThrowable(() -> send("wamid.4"))).isTransient()).isTrue();
		assertThat(send("wamid.4").id()).isNotBlank();
	}

	@Test
	void shouldRefreshAnExpiredTokenOnceAndDeliver() {
		send("wamid.5");
		fake.expireAllTokens();

		InboundMessageResult result = send("wamid.6");

		assertThat(result.id()).isNotBlank();
		assertThat(fake.tokenRequests()).isEqualTo(2);
		assertThat(fake.inboundMessages()).hasSize(2);
	}

	@Test
	void shouldCallASlowGenesysATransientTimeout() {
		fake.latency(Duration.ofSeconds(4));

		Throwable thrown = catchThrowable(() -> send("wamid.7"));

		assertThat(thrown).isNotNull();
		assertThat(this.classifier.classify(thrown).isTransient()).isTrue();
	}

	@Test
	void shouldCallAnUnreachableGenesysTransient() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String down = "http://127.0.0.1:" + closedPort;
		Tenant unreachable = new Tenant(this.tenant.id(), GenesysRegion.of("mypurecloud.com", down, down),
				this.tenant.clientId(), this.tenant.clientSecret(), this.tenant.integrationIds(), true,
				this.tenant.rateLimit());

		Throwable thrown = catchThrowable(() -> this.kit.client
			.sendInboundMessage(unreachable, "integration-1", GenesysTestKit.message("w"))
			.block(Duration.ofSeconds(10)));

		assertThat(thrown).isNotNull();
		assertThat(this.classifier.classify(thrown).isTransient()).isTrue();
	}

	/**
	 * Where the guards sit: a call guard (the circuit breaker) around the whole call, token
	 * fetch included; a per-request guard (the rate limiter) around each HTTP request once its
	 * token is at hand, so a token fetch never lets reserved permits pass.
	 */
	@Test
	void shouldGuardTheWholeCallOutsideAndEachRequestOnceItsTokenIsAtHand() {
		List<String> events = new CopyOnWriteArrayList<>();
		this.kit = guardedKit(events);

		send("wamid.G1");

		assertThat(events).containsExactly("call after 0 token requests", "request after 1 token requests");
	}

	@Test
	void shouldGuardTheRetryAfterA401AsARequestOfItsOwn() {
		List<String> events = new CopyOnWriteArrayList<>();
		this.kit = guardedKit(events);
		send("wamid.G2");
		fake.expireAllTokens();
		events.clear();

		send("wamid.G3");

		assertThat(events).containsExactly("call after 1 token requests", "request after 1 token requests",
				"request after 2 token requests");
	}

	private InboundMessageResult send(String wamid) {
		return this.kit.client.sendInboundMessage(this.tenant, "integration-1", GenesysTestKit.message(wamid))
			.block(Duration.ofSeconds(10));
	}

	private static GenesysTestKit guardedKit(List<String> events) {
		return new GenesysTestKit(redis.template(), Duration.ofSeconds(2), Duration.ofSeconds(60),
				List.of(recording("request", 10, true, events), recording("call", 0, false, events)));
	}

	private static GenesysCallGuard recording(String name, int order, boolean perRequest, List<String> events) {
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
					events.add(name + " after " + fake.tokenRequests() + " token requests");
					return call;
				});
			}

		};
	}

}
