package io.genesysbridge.console.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.genesysbridge.console.audit.AuditEntry;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterQuery;
import io.genesysbridge.console.deadletter.DeadLetterStatus;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.deadletter.DeadLetterSummary;
import io.genesysbridge.console.support.ConsoleIntegrationTest;
import io.genesysbridge.console.support.ConsoleTestRun;
import io.genesysbridge.console.support.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConsoleSecurityIT extends ConsoleIntegrationTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private DeadLetterStore store;

	@Autowired
	private AuditLog audit;

	@LocalManagementPort
	private int managementPort;

	@Test
	void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
		this.mvc.perform(get("/dead-letters")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/overview")).andExpect(status().isFound());
	}

	@Test
	void shouldLetAViewerReadButNotReplay() throws Exception {
		DeadLetterSummary deadLetter = deadLetter("viewer", "hello");

		this.mvc.perform(get("/dead-letters").with(as(ConsoleRole.VIEWER))).andExpect(status().isOk());
		this.mvc.perform(post("/dead-letters/" + deadLetter.id() + "/replay").with(as(ConsoleRole.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/tenants/x/pause").param("reason", "r").with(as(ConsoleRole.VIEWER)).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(statusOf(deadLetter)).isEqualTo(DeadLetterStatus.WAITING);
	}

	@Test
	void shouldRefuseAStateChangeWithoutCsrfTokenOrFromAnotherSite() throws Exception {
		DeadLetterSummary deadLetter = deadLetter("csrf", "hello");

		this.mvc.perform(post("/dead-letters/" + deadLetter.id() + "/replay").with(as(ConsoleRole.OPERATOR)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/dead-letters/" + deadLetter.id() + "/replay").with(as(ConsoleRole.OPERATOR))
				.with(csrf())
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());

		assertThat(statusOf(deadLetter)).isEqualTo(DeadLetterStatus.WAITING);
	}

	@Test
	void shouldKeepOperatorsFromAdminActionsAndEveryoneFromUnlistedPaths() throws Exception {
		DeadLetterSummary deadLetter = deadLetter("admin-only", "hello");

		this.mvc
			.perform(post("/dead-letters/" + deadLetter.id() + "/archive").param("reason", "noise")
				.with(as(ConsoleRole.OPERATOR))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/not-a-page").with(as(ConsoleRole.ADMIN))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/dead-letters/" + deadLetter.id() + "/archive").param("reason", "noise")
				.with(as(ConsoleRole.ADMIN))
				.with(csrf()))
			.andExpect(status().isFound());

		assertThat(statusOf(deadLetter)).isEqualTo(DeadLetterStatus.ARCHIVED);
		assertThat(auditOf(deadLetter.id())).extracting(AuditEntry::action, AuditEntry::reason, AuditEntry::result)
			.contains(org.assertj.core.groups.Tuple.tuple("deadletter.archive", "noise", "OK"));
	}

	@Test
	void shouldMaskCustomerDataUnlessAnAdminAsksAndAuditThat() throws Exception {
		DeadLetterSummary deadLetter = deadLetter("mask", "Hello World");

		String viewer = page("/dead-letters/" + deadLetter.id(), as(ConsoleRole.VIEWER));
		String adminMasked = page("/dead-letters/" + deadLetter.id(), as(ConsoleRole.ADMIN));
		String viewerAsking = page("/dead-letters/" + deadLetter.id() + "?unmasked=true", as(ConsoleRole.OPERATOR));
		String admin = page("/dead-letters/" + deadLetter.id() + "?unmasked=true", as(ConsoleRole.ADMIN));

		assertThat(List.of(viewer, adminMasked, viewerAsking))
			.allSatisfy((html) -> assertThat(html).doesNotContain("919876543210")
				.doesNotContain("Hello World")
				.contains("********3210")
				.contains("[hidden: 11 characters]"));
		assertThat(admin).contains("919876543210").contains("Hello World");
		assertThat(auditOf(deadLetter.id())).extracting(AuditEntry::action).containsExactly("deadletter.unmask");
	}

	@Test
	void shouldRenderAScriptInAPayloadInert() throws Exception {
		DeadLetterSummary deadLetter = deadLetter("script", "<script>alert('owned')</script>");

		String html = page("/dead-letters/" + deadLetter.id() + "?unmasked=true", as(ConsoleRole.ADMIN));

		assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");
	}

	@Test
	void shouldSendSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.containsString("script-src 'self'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().exists("Permissions-Policy"));
	}

	@Test
	void shouldSignInWithAConfiguredUserAndSlowDownRepeatedFailures() throws Exception {
		this.mvc.perform(
				post("/login").param("username", "operator").param("password", ConsoleTestRun.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/"));
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(post("/login").param("username", "admin").param("password", "wrong").with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(post("/login").param("username", "admin").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));

		this.mvc
			.perform(post("/login").param("username", "admin").param("password", ConsoleTestRun.PASSWORD).with(csrf()))
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		await().atMost(Duration.ofSeconds(6))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> this.mvc.perform(
					post("/login").param("username", "admin").param("password", ConsoleTestRun.PASSWORD).with(csrf()))
				.andExpect(redirectedUrl("/")));
		assertThat(
				this.audit.page((entry) -> "login".equals(entry.action()) && "admin".equals(entry.actor()), null, 10))
			.extracting(AuditEntry::result)
			.contains("REFUSED", "OK");
	}

	@Test
	void shouldOpenHealthAndPrometheusButNothingElseOnTheManagementPort() throws Exception {
		HttpClient http = HttpClient.newHttpClient();

		assertThat(call(http, "/actuator/health")).isEqualTo(200);
		assertThat(call(http, "/actuator/health/readiness")).isEqualTo(200);
		assertThat(call(http, "/actuator/prometheus")).isEqualTo(200);
		assertThat(call(http, "/actuator/env")).as("not exposed, and behind the login if it were")
			.isIn(302, 401, 403, 404);
	}

	private int call(HttpClient http, String path) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private String page(String path, RequestPostProcessor user) throws Exception {
		MvcResult result = this.mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn();
		return result.getResponse().getContentAsString();
	}

	private DeadLetterSummary deadLetter(String name, String text) {
		String tenant = ConsoleTestRun.tenantId("security-" + name);
		this.rabbit.send("", ConsoleTestRun.DEAD_LETTER_QUEUE,
				DeadLetters.of(tenant, "wamid." + name, text, "genesys.inbound-message.400", Instant.now()));
		DeadLetterQuery query = new DeadLetterQuery(tenant, "", "", "", Set.of(), null, null);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.find(query).size() == 1);
		return this.store.find(query).getFirst();
	}

	private DeadLetterStatus statusOf(DeadLetterSummary deadLetter) {
		return this.store.summaries(List.of(deadLetter.id())).getFirst().status();
	}

	private List<AuditEntry> auditOf(String id) {
		return this.audit.page((entry) -> entry.targets().contains(id), null, 20);
	}

	static RequestPostProcessor as(ConsoleRole role) {
		return user(role.name().toLowerCase(java.util.Locale.ROOT)).authorities(
				role.grantedAuthorities().stream().map((a) -> new SimpleGrantedAuthority(a.getAuthority())).toList());
	}

}
