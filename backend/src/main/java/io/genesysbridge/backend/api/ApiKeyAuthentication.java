package io.genesysbridge.backend.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API key as presented (not yet checked), or the {@link ApiClient} it was found to belong
 * to. The presented key is dropped once checked and never appears in {@link #toString()}.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private static final HexFormat HEX = HexFormat.of();

	private @Nullable String key;

	private final @Nullable ApiClient client;

	private ApiKeyAuthentication(@Nullable String key, @Nullable ApiClient client) {
		super((client != null) ? List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT")) : List.of());
		this.key = key;
		this.client = client;
		setAuthenticated(client != null);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(key, null);
	}

	static ApiKeyAuthentication authenticated(ApiClient client) {
		return new ApiKeyAuthentication(null, client);
	}

	/**
	 * The stored form of a key: keys are long random strings, so a plain SHA-256 cannot be
	 * reversed or guessed, and checking it costs microseconds per request (a slow password
	 * hash would only add latency).
	 * @param key the key
	 * @return the SHA-256 digest of its UTF-8 bytes
	 */
	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static String sha256Hex(String key) {
		return HEX.formatHex(sha256(key));
	}

	@Override
	public @Nullable Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return (this.client != null) ? this.client : "api-key";
	}

	@Override
	public void eraseCredentials() {
		super.eraseCredentials();
		this.key = null;
	}

	@Override
	public String getName() {
		return (this.client != null) ? this.client.name() : "api-key";
	}

	@Override
	public String toString() {
		return "ApiKeyAuthentication[" + getName() + ", authenticated=" + isAuthenticated() + "]";
	}

}
