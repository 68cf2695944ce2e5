package io.genesysbridge.backend.webhook;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Posts to the running processor's webhook the way Genesys does, and reads the answer.
 */
final class WebhookCaller {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final WebClient client;

	WebhookCaller(int port) {
		this.client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
	}

	Answer post(byte[] body, @Nullable String signature) {
		return postAsync(body, signature).block(TIMEOUT);
	}

	Mono<Answer> postAsync(byte[] body, @Nullable String signature) {
		return this.client.post()
			.uri(WebhookController.PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (signature != null) {
					headers.set(WebhookSignatureVerifier.HEADER, signature);
				}
			})
			.bodyValue(body)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((text) -> new Answer(response.statusCode().value(), text)));
	}

	/**
	 * @param status the HTTP status
	 * @param body the JSON answer, e.g. {@code {"outcome":"published","reason":"none"}}
	 */
	record Answer(int status, String body) {

		boolean has(String outcome) {
			return this.body.contains("\"outcome\":\"" + outcome + "\"");
		}

	}

}
