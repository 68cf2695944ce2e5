package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.system.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(DeadLetterController.class)
@Import({ Formats.class, DeadLetterControllerTests.Beans.class })
class DeadLetterControllerTests {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private DeadLetterStore store;

	@MockitoBean
	private AuditLog audit;

	@Test
	@WithMockUser(roles = "VIEWER")
	void shouldListDeadLettersWithTheirGroupAndExpiry() throws Exception {
		given(this.store.find(any(DeadLetterQuery.class))).willReturn(List.of(summary("a"), summary("b")));

		String html = this.mvc.perform(get("/dead-letters").param("tenant", "t1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("wamid.a", "wamid.b", "genesys.inbound-message.400", "GenesysRejectedException")
			.contains("2026-12-05 12:00:00 UTC")
			.doesNotContain("replay-all");
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void shouldMaskThePayloadAndEscapeMarkup() throws Exception {
		given(this.store.find("a")).willReturn(Optional.of(deadLetter("a", "<b>Hello</b> from 919876543210")));

		String html = this.mvc.perform(get("/dead-letters/a"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).doesNotContain("919876543210").doesNotContain("Hello").contains("********3210");
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void shouldAnswerNotFoundForAnUnknownDeadLetter() throws Exception {
		given(this.store.find("gone")).willReturn(Optional.empty());

		this.mvc.perform(get("/dead-letters/gone")).andExpect(status().isNotFound());
	}

	private static DeadLetterSummary summary(String id) {
		return new DeadLetterSummary(id, DeadLetterStatus.WAITING, "inbound", "t1", "wamid." + id, "c-" + id,
				"genesys.inbound-message.400", "PERMANENT", "io.genesysbridge.backend.genesys.GenesysRejectedException",
				"Genesys answered 400", "fp1", 1, 0, NOW, NOW, NOW.plusSeconds(14 * 86400), "", "");
	}

	private static DeadLetter deadLetter(String id, String text) {
		String body = """
				{"metadata":{"tenantId":"t1","whatsapp_message_id":"wamid.%s"},
				 "genesysPayload":{"channel":{"from":{"id":"919876543210"}},"text":"%s"}}""".formatted(id, text);
		return new DeadLetter(summary(id), "work", "", "", body.getBytes(StandardCharsets.UTF_8), body.length(), false,
				Map.of("x-bridge-attempts", 1), Map.of(), "", "", null, null, "", "", null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		PayloadMasker payloadMasker() {
			return new PayloadMasker(JsonMapper.builder().build());
		}

	}

}
