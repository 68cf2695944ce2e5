package io.genesysbridge.backend.tenant;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The secret an Open Messaging integration signs its outbound webhooks with
 * ({@code outboundNotificationWebhookSignatureSecretToken}), plus the secret it replaced while a
 * rotation is under way. During the rotation window both verify, so the secret can be changed in
 * the bridge first and in Genesys afterwards without rejecting a single webhook; once the window
 * has passed, a webhook signed with the previous secret is refused.
 *
 * @param current the secret Genesys signs with (Genesys requires more than 15 characters)
 * @param previous the secret before the last rotation, or null
 * @param previousValidUntil until when {@code previous} is still accepted; required with it
 */
public record WebhookSecret(String current, @Nullable String previous, @Nullable Instant previousValidUntil) {

	/** Genesys refuses signature secrets of 15 characters or fewer. */
	public static final int MIN_LENGTH = 16;

	public WebhookSecret {
		requireLength(current, "webhook secret");
		if (previous != null) {
			requireLength(previous, "previous webhook secret");
			if (previousValidUntil == null) {
				throw new IllegalArgumentException("a previous webhook secret needs the instant until which it is valid");
			}
		}
		else {
			previousValidUntil = null;
		}
	}

	/**
	 * @param current the only secret
	 * @return a secret with no rotation under way
	 */
	public static WebhookSecret of(String current) {
		return new WebhookSecret(current, null, null);
	}

	/**
	 * Replaces the secret, keeping the current one valid until the end of the rotation window.
	 * @param next the new secret
	 * @param previousValidUntil until when the secret replaced now is still accepted
	 * @return the rotated secret
	 */
	public WebhookSecret rotate(String next, Instant previousValidUntil) {
		return new WebhookSecret(next, this.current, previousValidUntil);
	}

	/**
	 * @param now the current time
	 * @return the secrets a signature may be made with at that time, current first
	 */
	public List<String> acceptedAt(Instant now) {
		if (this.previous != null && this.previousValidUntil != null && now.isBefore(this.previousValidUntil)) {
			return List.of(this.current, this.previous);
		}
		return List.of(this.current);
	}

	private static void requireLength(@Nullable String secret, String what) {
		if (secret == null || secret.length() < MIN_LENGTH) {
			throw new IllegalArgumentException(what + " must be at least " + MIN_LENGTH + " characters (Genesys rule)");
		}
	}

	@Override
	public String toString() {
		return "WebhookSecret[current=***, previous=" + ((this.previous != null) ? "***" : "none")
				+ ", previousValidUntil=" + this.previousValidUntil + "]";
	}

}
