package io.genesysbridge.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Knows the accepted OAuth clients and every access token issued, with its expiry.
 *
 * <p>
 * Tokens really expire: a token is rejected as {@code credentials.expired} once its
 * lifetime has passed or after {@link #expireAll()}, and as {@code bad.credentials} if it
 * was never issued or was forgotten by {@link #forgetTokens()}.
 */
final class TokenRegistry {

	/**
	 * Outcome of checking a bearer token; each maps to one 401 code (or none) at the API
	 * gateway.
	 */
	enum Status {

		VALID, UNKNOWN, EXPIRED

	}

	/**
	 * A token's owner and its absolute expiry; replaced, never mutated, so readers need
	 * no lock.
	 */
	private record IssuedToken(String clientId, Instant expiresAt) {
	}

	private final Map<String, String> secretsByClient = new ConcurrentHashMap<>();

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	void registerClient(String clientId, String clientSecret) {
		this.secretsByClient.put(clientId, clientSecret);
	}

	/** Compares the secret in constant time, as a real authorization server would. */
	boolean accepts(String clientId, String clientSecret) {
		String known = this.secretsByClient.get(clientId);
		return known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.UTF_8),
				clientSecret.getBytes(StandardCharsets.UTF_8));
	}

	/** Issues a token that stays valid for {@code lifetime} from now. */
	String issue(String clientId, Duration lifetime) {
		String token = Ids.accessToken();
		this.tokens.put(token, new IssuedToken(clientId, Instant.now().plus(lifetime)));
		return token;
	}

	Status check(String token) {
		IssuedToken issued = this.tokens.get(token);
		if (issued == null) {
			return Status.UNKNOWN;
		}
		return Instant.now().isBefore(issued.expiresAt()) ? Status.VALID : Status.EXPIRED;
	}

	/** Makes every token issued so far expired; tokens issued later are unaffected. */
	int expireAll() {
		Instant now = Instant.now();
		AtomicInteger expired = new AtomicInteger();
		this.tokens.replaceAll((token, issued) -> {
			if (now.isBefore(issued.expiresAt())) {
				expired.incrementAndGet();
				return new IssuedToken(issued.clientId(), now);
			}
			return issued;
		});
		return expired.get();
	}

	int countRequest() {
		return this.requests.incrementAndGet();
	}

	int requests() {
		return this.requests.get();
	}

	/** Forgets issued tokens and the request counter, keeping the registered clients. */
	void forgetTokens() {
		this.tokens.clear();
		this.requests.set(0);
	}

}
