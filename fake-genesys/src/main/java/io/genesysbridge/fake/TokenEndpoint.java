package io.genesysbridge.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Serves {@code POST /oauth/token} on the login host: client-credentials grant with HTTP
 * Basic client authentication, answering OAuth-style bodies (contract notes §1.2 to
 * §1.4).
 *
 * <p>
 * Wrong or unknown clients get 401 {@code invalid_client}, other grants 400, and an
 * injected failure wins over everything; every call is counted, whatever its outcome, so
 * tests can assert that the bridge caches tokens.
 */
final class TokenEndpoint {

	private static final Set<String> KNOWN_OTHER_GRANTS = Set.of("authorization_code", "password", "refresh_token",
			"implicit", "urn:ietf:params:oauth:grant-type:saml2-bearer", "urn:ietf:params:oauth:grant-type:jwt-bearer");

	private final GenesysState state;

	TokenEndpoint(GenesysState state) {
		this.state = state;
	}

	ResponseDefinitionBuilder handle(LoggedRequest request) {
		this.state.tokens.countRequest();
		int forced = this.state.knobs.tokenFailureStatus;
		if (forced != 0) {
			return injectedFailure(forced);
		}
		Map<String, String> form = parseForm(request.getBodyAsString());
		String[] credentials = basicCredentials(request.getHeader("Authorization"));
		if (credentials == null && form.containsKey("client_id")) {
			credentials = new String[] { form.get("client_id"), form.getOrDefault("client_secret", "") };
		}
		if (credentials == null || !this.state.tokens.accepts(credentials[0], credentials[1])) {
			return Replies.oauthError(401, "invalid_client", "authentication failed")
				.withHeader("WWW-Authenticate", "Basic realm=\"login\"");
		}
		String grantType = form.get("grant_type");
		if (grantType != null && KNOWN_OTHER_GRANTS.contains(grantType)) {
			return Replies.oauthError(400, "unauthorized_client",
					"client is not authorized to use the " + grantType + " grant type");
		}
		if (!"client_credentials".equals(grantType)) {
			return Replies.oauthError(400, "unsupported_grant_type",
					"grant type " + ((grantType != null) ? grantType : "(missing)") + " is not supported");
		}
		Duration lifetime = this.state.knobs.tokenLifetime;
		String token = this.state.tokens.issue(credentials[0], lifetime);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", token);
		body.put("token_type", "bearer");
		body.put("expires_in", lifetime.toSeconds());
		return Replies.json(200, body).withHeader("Cache-Control", "no-store");
	}

	private ResponseDefinitionBuilder injectedFailure(int status) {
		return switch (status) {
			case 400 -> Replies.oauthError(400, "invalid_request", "the request is malformed");
			case 401 -> Replies.oauthError(401, "invalid_client", "authentication failed");
			case 403 -> Replies.oauthError(403, "access_denied", "access denied");
			case 429 -> Replies.oauthError(429, "too_many_requests", "too many requests")
				.withHeader("Retry-After", Long.toString(Replies.retryAfterSeconds(this.state.knobs.retryAfter)));
			case 503 -> Replies.oauthError(503, "temporarily_unavailable", "the service is temporarily unavailable");
			default -> Replies.oauthError(status, (status >= 500) ? "server_error" : "invalid_request",
					"the token request failed with status " + status);
		};
	}

	/**
	 * {@code [clientId, secret]} from a Basic header, or {@code null} when absent or
	 * malformed.
	 */
	static String[] basicCredentials(String header) {
		if (header == null) {
			return null;
		}
		String trimmed = header.trim();
		int space = trimmed.indexOf(' ');
		if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(trimmed.substring(space + 1).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Parses an {@code application/x-www-form-urlencoded} body; the first value of a name
	 * wins.
	 */
	static Map<String, String> parseForm(String body) {
		Map<String, String> form = new HashMap<>();
		if (body == null || body.isBlank()) {
			return form;
		}
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			try {
				form.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// a malformed escape is ignored, as if the parameter were absent
			}
		}
		return form;
	}

}
