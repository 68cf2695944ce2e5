package io.genesysbridge.backend.webhook;

import org.springframework.http.HttpStatus;

/**
 * Every way a webhook request ends, with the HTTP status Genesys gets. Genesys retries only
 * 429, 5xx and timeouts; every 4xx here is final.
 */
enum WebhookOutcome {

	/** Published and confirmed by RabbitMQ. */
	PUBLISHED(HttpStatus.OK, "published"),

	/** This payload id was published before: nothing published again. */
	DUPLICATE(HttpStatus.OK, "duplicate"),

	/** Authentic, but nothing the platform can use (e.g. a quick-reply-only message). */
	IGNORED(HttpStatus.OK, "ignored"),

	/** Not JSON, or a required field missing. */
	MALFORMED(HttpStatus.BAD_REQUEST, "malformed"),

	/** No {@code X-Hub-Signature-256} header. */
	MISSING_SIGNATURE(HttpStatus.UNAUTHORIZED, "missing_signature"),

	/** The signature does not verify, or the integration has no secret configured. */
	BAD_SIGNATURE(HttpStatus.FORBIDDEN, "bad_signature"),

	/** The tenant owning the integration is disabled. */
	TENANT_DISABLED(HttpStatus.FORBIDDEN, "tenant_disabled"),

	/** No tenant owns the integration. */
	UNKNOWN_INTEGRATION(HttpStatus.NOT_FOUND, "unknown_integration"),

	/** The body exceeds {@code app.webhook.max-body-size}. */
	TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "too_large"),

	/** RabbitMQ or Redis did not answer in time: Genesys retries. */
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable"),

	/** A copy of this payload is still being published: Genesys retries. */
	IN_FLIGHT(HttpStatus.SERVICE_UNAVAILABLE, "in_flight");

	private final HttpStatus status;

	private final String tag;

	WebhookOutcome(HttpStatus status, String tag) {
		this.status = status;
		this.tag = tag;
	}

	HttpStatus status() {
		return this.status;
	}

	String tag() {
		return this.tag;
	}

}
