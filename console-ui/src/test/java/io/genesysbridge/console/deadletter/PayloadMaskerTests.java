package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadMaskerTests {

	private final PayloadMasker masker = new PayloadMasker(JsonMapper.builder().build());

	@Test
	void shouldMaskPhoneNamesAndTextWhenNotAllowed() {
		String shown = this.masker.render(envelope(), false);

		assertThat(shown).contains("\"********3210\"")
			.contains("[hidden: 11 characters]")
			.contains("\"J***\"")
			.doesNotContain("919876543210")
			.doesNotContain("Hello World")
			.doesNotContain("John Doe")
			.contains("wamid.HBgN");
	}

	@Test
	void shouldShowEverythingWhenAllowed() {
		String shown = this.masker.render(envelope(), true);

		assertThat(shown).contains("919876543210").contains("Hello World").contains("John Doe");
	}

	@Test
	void shouldHideBodiesThatAreNotJsonUnlessAllowed() {
		byte[] body = "call me at +919876543210 please".getBytes(StandardCharsets.UTF_8);

		assertThat(this.masker.render(body, false)).startsWith("[payload of 31 bytes is not JSON: hidden")
			.doesNotContain("9876");
		assertThat(this.masker.render(body, true)).isEqualTo("call me at +919876543210 please");
	}

	@Test
	void shouldMaskDigitRunsInHeaders() {
		Map<String, String> headers = this.masker
			.headers(Map.of("x-bridge-failure-detail", "from 919876543210 failed", "x-bridge-attempts", 3), false);

		assertThat(headers).containsEntry("x-bridge-failure-detail", "from ********3210 failed")
			.containsEntry("x-bridge-attempts", "3");
	}

	@Test
	void shouldKeepScriptTagsAsPlainTextForEscapedRendering() {
		String shown = this.masker
			.render("{\"genesysPayload\":{\"text\":\"<script>alert(1)</script>\",\"id\":\"<script>x</script>\"}}"
				.getBytes(StandardCharsets.UTF_8), true);

		assertThat(shown).contains("<script>alert(1)</script>");
	}

	private static byte[] envelope() {
		return """
				{"metadata":{"tenantId":"t1","whatsapp_message_id":"wamid.HBgN","correlationId":"c-1"},
				 "genesysPayload":{"id":"c-1","channel":{"from":{"nickname":"John Doe","id":"919876543210","idType":"Phone"},
				 "time":"2026-11-15T03:33:20.000Z"},"type":"Text","text":"Hello World","direction":"Inbound"}}
				"""
			.getBytes(StandardCharsets.UTF_8);
	}

}
