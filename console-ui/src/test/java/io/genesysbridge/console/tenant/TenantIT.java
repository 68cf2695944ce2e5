package io.genesysbridge.console.tenant;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.genesysbridge.console.audit.AuditEntry;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.support.ConsoleIntegrationTest;
import io.genesysbridge.console.support.ConsoleTestRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TenantIT extends ConsoleIntegrationTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private RateLimitReader rates;

	@Autowired
	private TenantStore tenants;

	@Autowired
	private AuditLog audit;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldChangeTheLimitAndKeepEveryOtherFieldOfTheRecord() throws Exception {
		String tenant = seed("limit", 280, 20);

		this.mvc
			.perform(post("/tenants/" + tenant + "/limit").param("perMinute", "120")
				.param("burst", "5")
				.param("reason", "Genesys asked us to slow down")
				.with(operator())
				.with(csrf()))
			.andExpect(status().isFound());

		JsonNode record = this.json.readTree(this.redis.opsForValue().get(ConsoleTestRun.TENANT_PREFIX + tenant));
		assertThat(record.get("rateLimitPerMinute").asInt()).isEqualTo(120);
		assertThat(record.get("rateLimitBurst").asInt()).isEqualTo(5);
		assertThat(record.get("clientSecret").asString()).isEqualTo("v1:secret-stays-encrypted");
		assertThat(record.get("webhookSecrets").get("integration-1").get("current").asString()).isEqualTo("v1:abc");
		assertThat(record.get("integrationIds").isArray()).isTrue();
		assertThat(record.get("updatedAt").asString()).isNotEqualTo("2026-01-01T00:00:00Z");
		assertThat(this.audit.page((entry) -> entry.targets().contains(tenant), null, 5))
			.extracting(AuditEntry::action, AuditEntry::detail)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("tenant.limit", "280/min burst 20 -> 120/min burst 5"));
	}

	@Test
	void shouldReadThePermitsLeftFromTheProcessorsBucket() {
		String tenant = seed("usage", 60, 10);
		long now = this.redis.execute((RedisCallback<Long>) (c) -> c.serverCommands().time(TimeUnit.MICROSECONDS));
		this.redis.opsForValue()
			.set(ConsoleTestRun.RATE_LIMIT_PREFIX + "{client-" + tenant + "}:tenant:" + tenant,
					String.valueOf(now + 2_500_000));

		RateUsage usage = this.rates.usage(this.tenants.find(tenant).orElseThrow());

		assertThat(usage.available()).isEqualTo(7);
		assertThat(usage.clientAvailable()).isEqualTo(1000);
		assertThat(usage.exhausted()).isFalse();
	}

	@Test
	void shouldPauseAndResumeATenantWithReasons() throws Exception {
		String tenant = seed("pause", 280, 20);
		String key = ConsoleTestRun.PAUSE_PREFIX + tenant;

		this.mvc.perform(
				post("/tenants/" + tenant + "/pause").param("reason", "org migration").with(operator()).with(csrf()))
			.andExpect(status().isFound());
		Map<Object, Object> pause = this.redis.opsForHash().entries(key);
		this.mvc.perform(post("/tenants/" + tenant + "/resume").param("reason", "done").with(operator()).with(csrf()))
			.andExpect(status().isFound());

		assertThat(pause).containsEntry("by", "operator").containsEntry("reason", "org migration").containsKey("at");
		assertThat(this.redis.hasKey(key)).isFalse();
		assertThat(this.audit.page((entry) -> entry.targets().contains(tenant), null, 5)).extracting(AuditEntry::action)
			.containsExactly("tenant.resume", "tenant.pause");
	}

	@Test
	void shouldForceACircuitOnEveryReplicaButOnlyForAnAdminAndAKnownOrg() throws Exception {
		String tenant = seed("circuit", 280, 20);
		String circuit = "genesys-" + tenant;

		this.mvc
			.perform(post("/circuits/" + circuit + "/force").param("state", "FORCED_OPEN")
				.param("reason", "Genesys incident")
				.with(operator())
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/circuits/genesys-nobody/force").param("state", "FORCED_OPEN")
				.param("reason", "typo")
				.with(admin())
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/circuits/" + circuit + "/force").param("state", "FORCED_OPEN")
				.param("reason", "Genesys incident")
				.with(admin())
				.with(csrf()))
			.andExpect(status().isFound());

		Map<Object, Object> forced = this.redis.opsForHash()
			.entries(ConsoleTestRun.CIRCUIT_PREFIX + circuit + ":forced");
		assertThat(forced).containsEntry("state", "FORCED_OPEN")
			.containsEntry("by", "admin")
			.containsEntry("reason", "Genesys incident")
			.containsKey("at");
		assertThat(this.redis.opsForSet().isMember(ConsoleTestRun.CIRCUIT_PREFIX + "index", circuit)).isTrue();
		String page = this.mvc.perform(get("/circuits").with(admin())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(circuit).contains("FORCED_OPEN by admin: Genesys incident");
	}

	@Test
	void shouldShowEachTenantsDeferralsAnd429sFromEveryProcessorReplicaWhenScraped() throws Exception {
		String tenant = seed("metrics", 280, 20);
		AtomicInteger scrapes = new AtomicInteger();
		HttpServer processor = HttpServer.create(new InetSocketAddress("127.0.0.1",
				ConsoleTestRun.PROCESSOR_MANAGEMENT_PORT), 0);
		processor.createContext("/actuator/prometheus", (exchange) -> {
			int n = scrapes.incrementAndGet();
			byte[] body = """
					genesysbridge_messages_deferred_total{reason="ratelimit",tenant="%1$s"} %2$d.0
					genesysbridge_messages_deferred_total{reason="genesys.throttled",tenant="%1$s"} %3$d.0
					genesysbridge_messages_deferred_total{reason="ratelimit",tenant="other"} %3$d.0
					genesysbridge_ratelimit_genesys_throttled_total{tenant="%1$s"} %3$d.0
					""".formatted(tenant, 2 * n, n).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		processor.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> row(tenant).path("throttled").asLong() >= 2);
		}
		finally {
			processor.stop(0);
		}

		JsonNode live = this.json.readTree(
				this.mvc.perform(get("/api/tenants").with(admin())).andReturn().getResponse().getContentAsString());
		JsonNode row = row(tenant);
		assertThat(row.get("deferred").asLong()).isEqualTo(3 * row.get("throttled").asLong());
		assertThat(live.at("/untagged/deferred").asLong()).isGreaterThanOrEqualTo(row.get("throttled").asLong());
		String page = this.mvc.perform(get("/tenants").with(admin())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Deferred 5 min", "429s 5 min");
	}

	@Test
	void shouldNeverShowTheClientSecret() throws Exception {
		seed("secret", 280, 20);

		String page = this.mvc.perform(get("/tenants").with(admin())).andReturn().getResponse().getContentAsString();
		String live = this.mvc.perform(get("/api/tenants").with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(ConsoleTestRun.tenantId("secret")).doesNotContain("secret-stays-encrypted");
		assertThat(live).contains(ConsoleTestRun.tenantId("secret")).doesNotContain("secret-stays-encrypted");
	}

	private JsonNode row(String tenant) throws Exception {
		JsonNode live = this.json.readTree(
				this.mvc.perform(get("/api/tenants").with(admin())).andReturn().getResponse().getContentAsString());
		for (JsonNode row : live.get("tenants")) {
			if (tenant.equals(row.get("id").asString())) {
				return row;
			}
		}
		throw new AssertionError("no row of " + tenant + " in " + live);
	}

	private String seed(String name, int perMinute, int burst) {
		String tenant = ConsoleTestRun.tenantId(name);
		String document = """
				{"id":"%s","region":"mypurecloud.com","apiBaseUrl":"http://127.0.0.1:1","loginBaseUrl":"http://127.0.0.1:1",
				"clientId":"client-%s","clientSecret":"v1:secret-stays-encrypted","integrationIds":["integration-1"],
				"enabled":true,"rateLimitPerMinute":%d,"rateLimitBurst":%d,
				"webhookSecrets":{"integration-1":{"current":"v1:abc"}},"updatedAt":"2026-01-01T00:00:00Z"}"""
			.formatted(tenant, tenant, perMinute, burst);
		this.redis.opsForValue().set(ConsoleTestRun.TENANT_PREFIX + tenant, document);
		this.redis.opsForSet().add(ConsoleTestRun.TENANT_PREFIX + "index", tenant);
		return tenant;
	}

	private static RequestPostProcessor operator() {
		return user("operator").authorities(
				List.of(new SimpleGrantedAuthority("ROLE_VIEWER"), new SimpleGrantedAuthority("ROLE_OPERATOR")));
	}

	private static RequestPostProcessor admin() {
		return user("admin").authorities(List.of(new SimpleGrantedAuthority("ROLE_VIEWER"),
				new SimpleGrantedAuthority("ROLE_OPERATOR"), new SimpleGrantedAuthority("ROLE_ADMIN")));
	}

}
