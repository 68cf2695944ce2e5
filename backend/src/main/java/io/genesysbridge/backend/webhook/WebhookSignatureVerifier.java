package io.genesysbridge.backend.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.genesysbridge.backend.tenant.WebhookSecret;

/**
 * Checks Genesys's {@code X-Hub-Signature-256} header: {@code sha256=} followed by the Base64 of
 * HMAC-SHA256(secret, raw body bytes). Only that form is accepted (a hex digest, the common
 * mistake of other implementations, is refused). The comparison is constant-time, and the
 * previous secret of a rotation is tried as well while its window lasts.
 */
final class WebhookSignatureVerifier {

	static final String HEADER = "X-Hub-Signature-256";

	private static final String PREFIX = "sha256=";

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignatureVerifier() {
	}

	/**
	 * @param header the header value
	 * @param body the raw request body
	 * @param secret the integration's secret
	 * @param now the current time (decides whether the previous secret still counts)
	 * @return which secret signed the body, or why none did
	 */
	static Verdict verify(String header, byte[] body, WebhookSecret secret, Instant now) {
		String value = header.strip();
		if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return Verdict.MALFORMED;
		}
		byte[] presented;
		try {
			presented = Base64.getDecoder().decode(value.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException notBase64) {
			return Verdict.MALFORMED;
		}
		List<String> accepted = secret.acceptedAt(now);
		boolean current = MessageDigest.isEqual(presented, hmac(accepted.getFirst(), body));
		boolean previous = accepted.size() > 1 && MessageDigest.isEqual(presented, hmac(accepted.get(1), body));
		return current ? Verdict.CURRENT : previous ? Verdict.PREVIOUS : Verdict.MISMATCH;
	}

	/**
	 * @param secret a signature secret
	 * @param body the body to sign
	 * @return the header value Genesys would send
	 */
	static String sign(String secret, byte[] body) {
		return PREFIX + Base64.getEncoder().encodeToString(hmac(secret, body));
	}

	private static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	/**
	 * The outcome of a check.
	 */
	enum Verdict {

		/** Signed with the current secret. */
		CURRENT,

		/** Signed with the previous secret, within its rotation window. */
		PREVIOUS,

		/** Well-formed but signed with another secret, over another body, or not Base64 of 32 bytes. */
		MISMATCH,

		/** Not {@code sha256=<base64>}. */
		MALFORMED;

		boolean isValid() {
			return this == CURRENT || this == PREVIOUS;
		}

	}

}
