package io.genesysbridge.backend.api;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the API key of a request from {@code X-API-Key: <key>} or, for clients that can only
 * set {@code Authorization}, from {@code Authorization: ApiKey <key>}. A request with neither
 * stays unauthenticated and gets 401.
 */
final class ApiKeyConverter implements ServerAuthenticationConverter {

	static final String HEADER = "X-API-Key";

	static final String SCHEME = "ApiKey ";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		String key = headers.getFirst(HEADER);
		if (key == null) {
			String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
			if (authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
				key = authorization.substring(SCHEME.length());
			}
		}
		if (key == null || key.isBlank()) {
			return Mono.empty();
		}
		return Mono.just(ApiKeyAuthentication.presented(key.trim()));
	}

}
