package io.genesysbridge.backend.webhook;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Genesys's {@code outboundNotificationWebhookUrl}: {@code POST /webhook/genesys}. Takes the raw
 * body (the signature covers the exact bytes) and leaves everything else to
 * {@link WebhookHandler}. It authenticates by signature only: any API-key or session security
 * must let {@code /webhook/**} through.
 */
@RestController
class WebhookController {

	static final String PATH = "/webhook/genesys";

	private final WebhookHandler handler;

	WebhookController(WebhookHandler handler) {
		this.handler = handler;
	}

	@PostMapping(PATH)
	Mono<ResponseEntity<WebhookResult.Body>> receive(ServerHttpRequest request) {
		return this.handler.handle(request.getHeaders(), request.getBody())
			.map((result) -> ResponseEntity.status(result.outcome().status())
				.contentType(MediaType.APPLICATION_JSON)
				.body(result.body()));
	}

}
