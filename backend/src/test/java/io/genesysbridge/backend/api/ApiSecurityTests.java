package io.genesysbridge.backend.api;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API-key authentication: 401 JSON without a usable key, keys from configuration and from
 * Redis, tenant scoping, and the paths that stay open (webhook, docs). Actuator endpoints,
 * also open, only exist on the management port of a running server, outside this slice.
 */
class ApiSecurityTests extends ApiTestSupport {

	private static final String ORGANIZATION = "/organization";

	@Test
	void shouldAnswer401JsonWithoutABasicChallengeWhenNoKeyIsSent() {
		this.web.get()
			.uri(tenantPath(ORGANIZATION))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge).startsWith("ApiKey "))
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE)
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("unauthorized")
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void shouldAnswer401ForAnUnknownOrOversizedKey() {
		for (String key : new String[] { "not-a-key", "x".repeat(600) }) {
			this.web.get()
				.uri(tenantPath(ORGANIZATION))
				.header(ApiKeyConverter.HEADER, key)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("unauthorized");
		}
	}

	@Test
	void shouldAcceptAConfiguredKeyInEitherHeader() {
		api().get().uri(tenantPath(ORGANIZATION)).exchange().expectStatus().isOk();
		this.web.get()
			.uri(tenantPath(ORGANIZATION))
			.header(HttpHeaders.AUTHORIZATION, "ApiKey " + ApiFixtures.KEY)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	@Test
	void shouldNotTakeABearerTokenForAnApiKey() {
		this.web.get()
			.uri(tenantPath(ORGANIZATION))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiFixtures.KEY)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void shouldAcceptAKeyStoredHashedInRedisUntilItIsRevoked() {
		String key = "redis-key-" + ApiFixtures.RUN;
		String redisKey = ApiFixtures.REDIS_KEY_PREFIX + ApiKeyAuthentication.sha256Hex(key);
		ApiFixtures.REDIS.template().opsForValue().set(redisKey, "console").block(Duration.ofSeconds(5));

		this.web.get()
			.uri(tenantPath(ORGANIZATION))
			.header(ApiKeyConverter.HEADER, key)
			.exchange()
			.expectStatus()
			.isOk();

		ApiFixtures.REDIS.template().delete(redisKey).block(Duration.ofSeconds(5));
		// revocation reaches the replica once its key cache entry expires
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.web.get()
				.uri(tenantPath(ORGANIZATION))
				.header(ApiKeyConverter.HEADER, key)
				.exchange()
				.expectStatus()
				.isUnauthorized());
	}

	@Test
	void shouldRefuseATenantOutsideTheKeysScopeWith403() {
		String scopedJson = "{\"name\":\"scoped-redis\",\"tenants\":[\"" + ApiFixtures.OTHER_TENANT.id() + "\"]}";
		String redisKey = "redis-scoped-" + ApiFixtures.RUN;
		ApiFixtures.REDIS.template()
			.opsForValue()
			.set(ApiFixtures.REDIS_KEY_PREFIX + ApiKeyAuthentication.sha256Hex(redisKey), scopedJson)
			.block(Duration.ofSeconds(5));

		for (String key : new String[] { ApiFixtures.SCOPED_KEY, redisKey }) {
			this.web.get()
				.uri(tenantPath(ORGANIZATION))
				.header(ApiKeyConverter.HEADER, key)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.error")
				.isEqualTo("tenant_forbidden");
			this.web.get()
				.uri(BASE + ApiFixtures.OTHER_TENANT.id() + ORGANIZATION)
				.header(ApiKeyConverter.HEADER, key)
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void shouldLeaveTheWebhookAndTheDocsOpen() {
		this.web.post().uri("/webhook/genesys").exchange().expectStatus().isNotFound();
		this.web.get().uri("/v3/api-docs").exchange().expectStatus().isOk();
	}

	@Test
	void shouldRefuseEverythingElse() {
		this.web.get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
		api().get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
	}

}
