package io.genesysbridge.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.tenant.WebhookSecret;
import io.genesysbridge.backend.webhook.WebhookSignatureVerifier.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureVerifierTests {

	private static final String SECRET = "a-webhook-secret-of-20-chars";

	private static final byte[] BODY = "{\"id\":\"3f2a\",\"channel\":{\"id\":\"integration-1\"},\"type\":\"Text\",\"text\":\"Hi\"}"
		.getBytes(StandardCharsets.UTF_8);

	/** HMAC-SHA256(SECRET, BODY), Base64, computed independently (Python hmac). */
	private static final String VALID = "sha256=8daCcFcuSA6n8Z9+6IyAJIMMOSgY1zLV6zw9dw1OzUA=";

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void shouldAcceptTheBase64HmacOfTheRawBody() {
		assertThat(verify(VALID, BODY, WebhookSecret.of(SECRET))).isEqualTo(Verdict.CURRENT);
	}

	@Test
	void shouldSignLikeGenesysOnTheGitHubReferenceVector() {
		String signature = WebhookSignatureVerifier.sign("It's a Secret to Everybody",
				"Hello, World!".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("sha256=dXEH6g6yUJ/CESIczphLijdXC211hsIsRvQ3nIsEPhc=");
	}

	@Test
	void shouldRefuseATamperedBody() {
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("Hi", "Ho")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(verify(VALID, tampered, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void shouldRefuseABodyDifferingOnlyInWhitespace() {
		byte[] reformatted = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(verify(VALID, reformatted, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void shouldRefuseASignatureMadeWithAnotherSecret() {
		String other = WebhookSignatureVerifier.sign("another-secret-of-20-chars", BODY);

		assertThat(verify(other, BODY, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void shouldRefuseTheHexDigestOfTheRightHmac() {
		String base64 = VALID.substring("sha256=".length());
		String hex = "sha256=" + HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(base64));

		assertThat(verify(hex, BODY, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void shouldRefuseTheRightDigestWithoutItsPrefix() {
		assertThat(verify(VALID.substring("sha256=".length()), BODY, WebhookSecret.of(SECRET)))
			.isEqualTo(Verdict.MALFORMED);
	}

	@Test
	void shouldRefuseSomethingThatIsNotBase64() {
		assertThat(verify("sha256=not*base64!", BODY, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MALFORMED);
	}

	@Test
	void shouldRefuseAnEmptyDigest() {
		assertThat(verify("sha256=", BODY, WebhookSecret.of(SECRET))).isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void shouldToleratePrefixCaseAndSurroundingBlanks() {
		assertThat(verify("  SHA256=" + VALID.substring(7) + " ", BODY, WebhookSecret.of(SECRET)))
			.isEqualTo(Verdict.CURRENT);
	}

	@Test
	void shouldAcceptThePreviousSecretWithinTheRotationWindow() {
		WebhookSecret rotated = WebhookSecret.of(SECRET).rotate("the-new-secret-of-20-chars", NOW.plusSeconds(60));

		assertThat(verify(VALID, BODY, rotated)).isEqualTo(Verdict.PREVIOUS);
		assertThat(verify(WebhookSignatureVerifier.sign("the-new-secret-of-20-chars", BODY), BODY, rotated))
			.isEqualTo(Verdict.CURRENT);
	}

	@Test
	void shouldRefuseThePreviousSecretOnceTheWindowHasPassed() {
		WebhookSecret rotated = WebhookSecret.of(SECRET)
			.rotate("the-new-secret-of-20-chars", NOW.minus(Duration.ofMillis(1)));

		assertThat(verify(VALID, BODY, rotated)).isEqualTo(Verdict.MISMATCH);
	}

	private static Verdict verify(String header, byte[] body, WebhookSecret secret) {
		return WebhookSignatureVerifier.verify(header, body, secret, NOW);
	}

}
