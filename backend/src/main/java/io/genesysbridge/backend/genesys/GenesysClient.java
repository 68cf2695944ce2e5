package io.genesysbridge.backend.genesys;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * The one client of the Genesys Cloud Platform API. Every call carries the tenant's bearer
 * token; a 401 invalidates the token and the call is repeated once with a fresh one. Non-2xx
 * answers surface as {@link GenesysRetryableException} or {@link GenesysRejectedException},
 * never as WebClient exceptions.
 */
public class GenesysClient {

	static final String TOKEN_OPERATION = "token";

	static final String INBOUND_MESSAGE = "inbound-message";

	private static final String INBOUND_MESSAGE_PATH = "/api/v2/conversations/messages/{integrationId}/inbound/open/message?prefetchConversationId=true";

	private final WebClient webClient;

	private final GenesysTokenProvider tokens;

	private final GenesysErrors errors;

	GenesysClient(WebClient webClient, GenesysTokenProvider tokens, GenesysErrors errors) {
		this.webClient = webClient;
		this.tokens = tokens;
		this.errors = errors;
	}

	/**
	 * Delivers a customer message to Genesys.
	 * @param tenant the tenant
	 * @param integrationId the Open Messaging integration
	 * @param message the normalized message
	 * @return the Genesys message and conversation ids
	 */
	public Mono<InboundMessageResult> sendInboundMessage(Tenant tenant, String integrationId,
			OpenInboundMessage message) {
		return withToken(tenant, (token) -> this.webClient.post()
			.uri(tenant.region().apiBaseUrl() + INBOUND_MESSAGE_PATH, integrationId)
			.headers((headers) -> headers.setBearerAuth(token.value()))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(message)
			.exchangeToMono((response) -> {
				if (response.statusCode().is2xxSuccessful()) {
					return response.bodyToMono(InboundMessageResult.class)
						.defaultIfEmpty(new InboundMessageResult(null, null));
				}
				return response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.flatMap((body) -> Mono.error(this.errors.toException(INBOUND_MESSAGE,
							response.statusCode().value(), body,
							response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER),
							response.headers().asHttpHeaders().getFirst("ININ-Correlation-Id"))));
			}));
	}

	private <T> Mono<T> withToken(Tenant tenant, Function<AccessToken, Mono<T>> call) {
		return this.tokens.token(tenant)
			.flatMap((token) -> call.apply(token)
				.onErrorResume(GenesysUnauthorizedException.class, (refused) -> this.tokens.invalidate(tenant, token)
					.then(this.tokens.token(tenant))
					.flatMap(call)));
	}

}
