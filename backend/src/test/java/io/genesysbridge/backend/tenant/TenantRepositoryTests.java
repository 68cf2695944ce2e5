package io.genesysbridge.backend.tenant;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.genesysbridge.backend.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant records on the real Redis: webhook secrets encrypted at rest and the integration index
 * the webhook resolves tenants with.
 */
class TenantRepositoryTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static LocalRedis redis;

	private final String prefix = "test:" + UUID.randomUUID() + ":tenant:";

	private final TenantRepository repository = new TenantRepository(redis.template(), JsonMapper.builder().build(),
			new SecretCipher(key()), this.prefix, Clock.systemUTC());

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
		redis.deleteMatching(this.prefix + "*");
	}

	@Test
	void shouldKeepWebhookSecretsEncryptedAtRestAndGiveThemBack() {
		Instant until = Instant.parse("2030-01-01T00:00:00Z");
		Tenant tenant = tenant("t1", "int-1", "int-2").withWebhookSecret("int-1",
				new WebhookSecret("current-secret-0123456", "previous-secret-012345", until));

		this.repository.save(tenant).block(WAIT);

		String stored = redis.template().opsForValue().get(this.prefix + "t1").block(WAIT);
		assertThat(stored).doesNotContain("current-secret-0123456", "previous-secret-012345", "client-secret");
		Tenant found = this.repository.find("t1").block(WAIT);
		assertThat(found.webhookSecrets()).containsExactly(
				Map.entry("int-1", new WebhookSecret("current-secret-0123456", "previous-secret-012345", until)));
		assertThat(found.toString()).doesNotContain("current-secret-0123456");
	}

	@Test
	void shouldIndexTheTenantByEachOfItsIntegrations() {
		this.repository.save(tenant("t1", "int-1", "int-2")).block(WAIT);

		assertThat(this.repository.tenantIdOfIntegration("int-1").block(WAIT)).isEqualTo("t1");
		assertThat(this.repository.tenantIdOfIntegration("int-2").block(WAIT)).isEqualTo("t1");
		assertThat(this.repository.tenantIdOfIntegration("int-3").block(WAIT)).isNull();
	}

	@Test
	void shouldUnindexAnIntegrationTheTenantNoLongerHas() {
		this.repository.save(tenant("t1", "int-1", "int-2")).block(WAIT);

		this.repository.save(tenant("t1", "int-2")).block(WAIT);

		assertThat(this.repository.tenantIdOfIntegration("int-1").block(WAIT)).isNull();
		assertThat(this.repository.tenantIdOfIntegration("int-2").block(WAIT)).isEqualTo("t1");
	}

	@Test
	void shouldMoveAnIntegrationToTheTenantThatClaimsItLast() {
		this.repository.save(tenant("t1", "int-1")).block(WAIT);

		this.repository.save(tenant("t2", "int-1")).block(WAIT);
		this.repository.save(tenant("t1")).block(WAIT);

		assertThat(this.repository.tenantIdOfIntegration("int-1").block(WAIT)).isEqualTo("t2");
	}

	@Test
	void shouldRemoveTheIndexWithTheTenant() {
		this.repository.save(tenant("t1", "int-1")).block(WAIT);

		this.repository.delete("t1").block(WAIT);

		assertThat(this.repository.tenantIdOfIntegration("int-1").block(WAIT)).isNull();
		assertThat(this.repository.find("t1").block(WAIT)).isNull();
	}

	@Test
	void shouldFindATenantByIntegrationOnlyWhileItStillOwnsIt() {
		TenantDirectory directory = new TenantDirectory(this.repository, Duration.ofMillis(1));
		this.repository.save(tenant("t1", "int-1")).block(WAIT);
		redis.template().opsForValue().set(this.prefix + "integration:int-9", "t1").block(WAIT);

		assertThat(directory.findByIntegration("int-1").map(Tenant::id).block(WAIT)).isEqualTo("t1");
		assertThat(directory.findByIntegration("int-9").block(WAIT)).isNull();
		assertThat(directory.findByIntegration("int-404").block(WAIT)).isNull();
	}

	@Test
	void shouldReadARecordWrittenBeforeWebhookSecretsExisted() {
		redis.template()
			.opsForValue()
			.set(this.prefix + "old", "{\"id\":\"old\",\"region\":\"mypurecloud.com\",\"apiBaseUrl\":\"https://a\","
					+ "\"loginBaseUrl\":\"https://l\",\"clientId\":\"c\",\"clientSecret\":\""
					+ new SecretCipher(key()).encrypt("s", "old") + "\",\"integrationIds\":[\"i\"],\"enabled\":true,"
					+ "\"rateLimitPerMinute\":280,\"rateLimitBurst\":20}")
			.block(WAIT);

		assertThat(this.repository.find("old").block(WAIT).webhookSecrets()).isEmpty();
	}

	private static Tenant tenant(String id, String... integrations) {
		return new Tenant(id, GenesysRegion.of("mypurecloud.com", null, null), "client-" + id, "client-secret",
				List.of(integrations), true, RateLimit.DEFAULT);
	}

	private static byte[] KEY;

	private static byte[] key() {
		if (KEY == null) {
			KEY = new byte[32];
			new SecureRandom().nextBytes(KEY);
		}
		return KEY;
	}

}
