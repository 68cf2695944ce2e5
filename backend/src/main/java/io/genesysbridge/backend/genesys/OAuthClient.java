package io.genesysbridge.backend.genesys;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Fetches a client-credentials token from {@code <login>/oauth/token} with HTTP Basic auth.
 * 400/401 (bad client, grant not enabled) are permanent configuration errors; 429/5xx and I/O
 * errors are transient.
 */
final class OAuthClient {

	private final WebClient webClient;

	private final GenesysErrors errors;

	private final Clock clock;

	OAuthClient(WebClient webClient, GenesysErrors errors, Clock clock) {
		this.webClient = webClient;
		this.errors = errors;
		this.clock = clock;
	}

	Mono<AccessToken> fetch(Tenant tenant) {
		return this.webClient.post()
			.uri(tenant.region().loginBaseUrl() + "/oauth/token")
			.headers((headers) -> headers.setBasicAuth(tenant.clientId(), tenant.clientSecret()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials"))
			.exchangeToMono((response) -> {
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(TokenResponse.class).flatMap(this::toToken);
				}
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.flatMap((body) -> Mono.error(this.errors.toException(GenesysClient.TOKEN_OPERATION,
							response.statusCode().value(), body,
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), null)));
			});
	}

	private Mono<AccessToken> toToken(TokenResponse response) {
		if (response.accessToken() == null || response.accessToken().isBlank() || response.expiresIn() <= 0) {
			return Mono.error(new GenesysRetryableException(GenesysClient.TOKEN_OPERATION, 200, "malformed.token",
					null, null));
		}
		return Mono.just(new AccessToken(response.accessToken(),
				this.clock.instant().plus(Duration.ofSeconds(response.expiresIn()))));
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("token_type") @Nullable String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

}
