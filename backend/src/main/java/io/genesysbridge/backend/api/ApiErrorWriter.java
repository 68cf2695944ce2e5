package io.genesysbridge.backend.api;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the security filter chain's refusals as {@link ApiError} JSON: 401 without a usable
 * API key (with a non-Basic challenge, so browsers never pop up a login box), 403 when the
 * key may not do what was asked.
 */
final class ApiErrorWriter {

	static final String CHALLENGE = "ApiKey realm=\"genesys-bridge\", header=\"" + ApiKeyConverter.HEADER + "\"";

	private final JsonMapper json;

	ApiErrorWriter(JsonMapper json) {
		this.json = json;
	}

	ServerAuthenticationEntryPoint unauthorized() {
		return (exchange, ex) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
			return write(exchange, HttpStatus.UNAUTHORIZED, ApiError.of("unauthorized",
					"A valid API key is required: send it as " + ApiKeyConverter.HEADER + ": <key>"));
		};
	}

	ServerAccessDeniedHandler forbidden() {
		return (exchange, ex) -> write(exchange, HttpStatus.FORBIDDEN,
				ApiError.of("forbidden", "This API key may not do that"));
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ApiError error) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer body = response.bufferFactory().wrap(this.json.writeValueAsBytes(error));
		return response.writeWith(Mono.just(body));
	}

}
