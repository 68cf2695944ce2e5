package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class GenesysDirectoryClientTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static FakeGenesys fake;

	private static LocalRedis redis;

	private static List<String> userIds;

	private Tenant tenant;

	private GenesysDirectoryClient client;

	@BeforeAll
	static void start() {
		fake = FakeGenesys.start();
		redis = LocalRedis.connect();
		userIds = fake.seedUsers(30);
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
		this.client = new GenesysTestKit(redis.template(), Duration.ofSeconds(2), Duration.ofSeconds(60)).directory;
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("tenant:" + this.tenant.id() + ":*");
	}

	@Test
	void shouldReadTheOrganization() {
		assertThat(this.client.organization(this.tenant).block(WAIT).path("name").asString())
			.isEqualTo("Fake Genesys Org");
	}

	@Test
	void shouldPageThroughUsers() {
		UserPage first = this.client.users(this.tenant, 25, 1).block(WAIT);
		UserPage second = this.client.users(this.tenant, 25, 2).block(WAIT);

		assertThat(first.entities()).hasSize(25);
		assertThat(first.total()).isEqualTo(30);
		assertThat(first.pageCount()).isEqualTo(2);
		assertThat(second.entities()).hasSize(5);
		assertThat(second.pageNumber()).isEqualTo(2);
		assertThat(second.entities().get(4).path("name").asString()).isEqualTo("Agent 030");
	}

	@Test
	void shouldReadOneUserAndRejectAnUnknownOne() {
		assertThat(this.client.user(this.tenant, userIds.get(0)).block(WAIT).path("name").asString())
			.isEqualTo("Agent 001");

		Throwable thrown = catchThrowable(() -> this.client.user(this.tenant, "nobody").block(WAIT));

		assertThat(thrown).isInstanceOfSatisfying(GenesysRejectedException.class,
				(ex) -> assertThat(ex.status()).isEqualTo(404));
	}

}
