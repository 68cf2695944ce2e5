package io.genesysbridge.backend.genesys;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * The one way any Genesys client class calls the Platform API: the {@link GenesysCallGuard}s
 * (the circuit breaker around the whole call, the rate limit around each request once the token
 * is at hand), the tenant's bearer token, one retry with a fresh token after a 401, and non-2xx
 * answers mapped to {@link GenesysRetryableException} / {@link GenesysRejectedException}. Feature clients
 * ({@link GenesysClient} and friends) only name operations, paths and bodies.
 */
final class GenesysHttp {

	private final WebClient webClient;

	private final GenesysTokenProvider tokens;

	private final GenesysErrors errors;

	private final List<GenesysCallGuard> callGuards;

	private final List<GenesysCallGuard> requestGuards;

	GenesysHttp(WebClient webClient, GenesysTokenProvider tokens, GenesysErrors errors, List<GenesysCallGuard> guards) {
		this.webClient = webClient;
		this.tokens = tokens;
		this.errors = errors;
		List<GenesysCallGuard> innermostFirst = guards.stream()
			.sorted(Comparator.comparingInt(GenesysCallGuard::order).reversed())
			.toList();
		this.callGuards = innermostFirst.stream().filter((guard) -> !guard.perRequest()).toList();
		this.requestGuards = innermostFirst.stream().filter(GenesysCallGuard::perRequest).toList();
	}

	/**
	 * Calls the API and decodes a 2xx body.
	 * @param tenant whose token and API base URL to use
	 * @param operation low-cardinality operation name (appears in reasons and metrics)
	 * @param method HTTP method
	 * @param path path template below the API base URL, e.g. {@code /api/v2/users/{id}}
	 * @param body JSON body, or null
	 * @param responseType type of the 2xx body
	 * @param uriVariables values of the path template
	 * @return the body; empty for a 2xx without body
	 */
	<T> Mono<T> call(Tenant tenant, String operation, HttpMethod method, String path, @Nullable Object body,
			Class<T> responseType, Object... uriVariables) {
		Mono<T> call = withToken(tenant, (token) -> {
			WebClient.RequestBodySpec request = this.webClient.method(method)
				.uri(tenant.region().apiBaseUrl() + path, uriVariables)
				.headers((headers) -> headers.setBearerAuth(token.value()))
				.accept(MediaType.APPLICATION_JSON);
			WebClient.RequestHeadersSpec<?> ready = (body != null)
					? request.contentType(MediaType.APPLICATION_JSON).bodyValue(body) : request;
			return guarded(this.requestGuards, tenant, operation,
					ready.exchangeToMono((response) -> decode(operation, response, responseType)));
		});
		return guarded(this.callGuards, tenant, operation, call);
	}

	private static <T> Mono<T> guarded(List<GenesysCallGuard> innermostFirst, Tenant tenant, String operation,
			Mono<T> call) {
		Mono<T> guarded = call;
		for (GenesysCallGuard guard : innermostFirst) {
			guarded = guard.guard(tenant, operation, guarded);
		}
		return guarded;
	}

	private <T> Mono<T> decode(String operation, ClientResponse response, Class<T> responseType) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(responseType);
		}
		HttpHeaders headers = response.headers().asHttpHeaders();
		return response.bodyToMono(String.class)
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(this.errors.toException(operation, response.statusCode().value(), text,
					headers.getFirst(HttpHeaders.RETRY_AFTER), headers.getFirst("ININ-Correlation-Id"))));
	}

	private <T> Mono<T> withToken(Tenant tenant, Function<AccessToken, Mono<T>> call) {
		return this.tokens.token(tenant)
			.flatMap((token) -> call.apply(token)
				.onErrorResume(GenesysUnauthorizedException.class, (refused) -> this.tokens.invalidate(tenant, token)
					.then(this.tokens.token(tenant))
					.flatMap(call)));
	}

}
