package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;

import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.backend.tenant.TenantDirectory;
import io.genesysbridge.backend.tenant.WebhookSecret;

/**
 * Handles one Genesys webhook request, without ever blocking the event loop: read the raw body
 * (bounded), find the integration's tenant, verify the signature over the raw bytes, route the
 * notification and hand it to the {@link WebhookForwarder}. Only a confirmed publish (or an id
 * published before) answers 200; an unavailable broker or Redis answers 503 so that Genesys
 * retries, and nothing is lost. Every request is counted by outcome and reason.
 */
class WebhookHandler {

	private static final Log logger = LogFactory.getLog(WebhookHandler.class);

	private static final byte[] EMPTY = new byte[0];

	private final JsonMapper json;

	private final TenantDirectory tenants;

	private final WebhookForwarder forwarder;

	private final WebhookQueues queues;

	private final WebhookProperties properties;

	private final WebhookMetrics metrics;

	private final Clock clock;

	WebhookHandler(JsonMapper json, TenantDirectory tenants, WebhookForwarder forwarder, WebhookQueues queues,
			WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
		this.json = json;
		this.tenants = tenants;
		this.forwarder = forwarder;
		this.queues = queues;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @param headers the request headers
	 * @param body the raw request body
	 * @return how the request ended; never an error
	 */
	Mono<WebhookResult> handle(HttpHeaders headers, Flux<DataBuffer> body) {
		return Mono.defer(() -> receive(headers, body))
			.timeout(this.properties.requestTimeout(),
					Mono.fromSupplier(() -> WebhookResult.of(WebhookOutcome.UNAVAILABLE, "request.timeout")))
			.onErrorResume(WebhookHandler::failure)
			.doOnNext(this.metrics::request);
	}

	private Mono<WebhookResult> receive(HttpHeaders headers, Flux<DataBuffer> body) {
		String signature = headers.getFirst(WebhookSignatureVerifier.HEADER);
		if (signature == null || signature.isBlank()) {
			return result(WebhookOutcome.MISSING_SIGNATURE, "signature.missing");
		}
		long maxBytes = this.properties.maxBodySize().toBytes();
		if (headers.getContentLength() > maxBytes) {
			return result(WebhookOutcome.TOO_LARGE, "body.too-large");
		}
		return read(body, (int) maxBytes).flatMap((bytes) -> authenticate(parse(bytes), signature, bytes));
	}

	private static Mono<byte[]> read(Flux<DataBuffer> body, int maxBytes) {
		return DataBufferUtils.join(body, maxBytes).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(EMPTY);
	}

	private WebhookNotification parse(byte[] bytes) {
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("body.not-json");
		}
		if (root == null || root.isMissingNode()) {
			throw new MalformedWebhookException("body.empty");
		}
		return WebhookNotification.of(root);
	}

	private Mono<WebhookResult> authenticate(WebhookNotification notification, String signature, byte[] bytes) {
		return this.tenants.findByIntegration(notification.integrationId())
			.onErrorMap((ex) -> new Unavailable("tenant.lookup-failed", ex))
			.flatMap((tenant) -> authorized(tenant, notification, signature, bytes))
			.switchIfEmpty(Mono.defer(() -> {
				refused("unknown integration " + notification.integrationId());
				return result(WebhookOutcome.UNKNOWN_INTEGRATION, "integration.unknown");
			}));
	}

	private Mono<WebhookResult> authorized(Tenant tenant, WebhookNotification notification, String signature,
			byte[] bytes) {
		WebhookSecret secret = tenant.webhookSecret(notification.integrationId());
		if (secret == null) {
			logger.warn("Refused a webhook for integration " + notification.integrationId() + " of tenant "
					+ tenant.id() + ": no webhook secret is configured for it");
			return result(WebhookOutcome.BAD_SIGNATURE, "signature.not-configured");
		}
		WebhookSignatureVerifier.Verdict verdict = WebhookSignatureVerifier.verify(signature, bytes, secret,
				this.clock.instant());
		if (!verdict.isValid()) {
			refused("integration " + notification.integrationId() + ": signature "
					+ verdict.name().toLowerCase(Locale.ROOT));
			return result(WebhookOutcome.BAD_SIGNATURE,
					(verdict == WebhookSignatureVerifier.Verdict.MALFORMED) ? "signature.malformed" : "signature.invalid");
		}
		if (verdict == WebhookSignatureVerifier.Verdict.PREVIOUS) {
			this.metrics.previousSecretUsed();
		}
		if (!tenant.enabled()) {
			return result(WebhookOutcome.TENANT_DISABLED, "tenant.disabled");
		}
		return route(tenant, notification);
	}

	private Mono<WebhookResult> route(Tenant tenant, WebhookNotification notification) {
		WebhookRoute route = WebhookRoutes.route(tenant.id(), notification, this.clock.instant());
		return switch (route) {
			case WebhookRoute.Ignored ignored -> result(WebhookOutcome.IGNORED, ignored.reason());
			case WebhookRoute.AgentMessageRoute message -> this.forwarder.forward(notification,
					this.queues.outboundMessages(), this.json.writeValueAsBytes(message.envelope()), message.memory());
			case WebhookRoute.StatusRoute status -> this.forwarder.forward(notification, this.queues.statusUpdates(),
					this.json.writeValueAsBytes(status.envelope()), null);
		};
	}

	/**
	 * Refusals of unauthenticated requests are logged at debug only, so that nobody can flood
	 * the logs; {@code genesysbridge.webhook.requests} counts them by outcome.
	 */
	private static void refused(String what) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a webhook for " + what);
		}
	}

	private static Mono<WebhookResult> failure(Throwable ex) {
		if (ex instanceof MalformedWebhookException malformed) {
			return result(WebhookOutcome.MALFORMED, malformed.reason());
		}
		if (ex instanceof DataBufferLimitException) {
			return result(WebhookOutcome.TOO_LARGE, "body.too-large");
		}
		if (ex instanceof Unavailable unavailable) {
			logger.warn("Webhook answered 503 (" + unavailable.reason + "): " + unavailable.getCause());
			return result(WebhookOutcome.UNAVAILABLE, unavailable.reason);
		}
		logger.warn("Webhook answered 503 after an unexpected failure: " + ex);
		return result(WebhookOutcome.UNAVAILABLE, "unexpected");
	}

	private static Mono<WebhookResult> result(WebhookOutcome outcome, String reason) {
		return Mono.just(WebhookResult.of(outcome, reason));
	}

	/** A dependency failed: answer 503 so that Genesys retries. */
	private static final class Unavailable extends RuntimeException {

		private final String reason;

		Unavailable(String reason, Throwable cause) {
			super(reason, cause, false, false);
			this.reason = reason;
		}

	}

}
