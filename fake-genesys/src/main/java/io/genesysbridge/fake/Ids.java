package io.genesysbridge.fake;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates the identifiers the fake hands out (message ids, conversation ids, context
 * ids, access tokens).
 *
 * <p>
 * Non-secret ids come from {@link ThreadLocalRandom} so that thousands of concurrent
 * requests do not contend on one {@link SecureRandom}; only access tokens use a secure
 * source.
 */
final class Ids {

	private static final SecureRandom TOKEN_RANDOM = new SecureRandom();

	private static final HexFormat HEX = HexFormat.of();

	private Ids() {
	}

	/** A random version-4 UUID, as Genesys uses for conversation and context ids. */
	static String uuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	/** A 32-hex-character id, the shape of Genesys message ids. */
	static String messageId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

	/** An unguessable opaque bearer token. */
	static String accessToken() {
		byte[] bytes = new byte[48];
		TOKEN_RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
