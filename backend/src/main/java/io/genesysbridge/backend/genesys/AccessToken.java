package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.time.Instant;

/**
 * An OAuth bearer token and when it expires. {@link #toString()} never shows the value.
 *
 * @param value the bearer token
 * @param expiresAt expiry instant
 */
record AccessToken(String value, Instant expiresAt) {

	boolean isFreshAt(Instant now, Duration refreshMargin) {
		return now.plus(refreshMargin).isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "AccessToken[expiresAt=" + this.expiresAt + "]";
	}

}
