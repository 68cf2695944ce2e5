package io.genesysbridge.backend.resilience;

import java.time.Instant;
import java.util.Map;

import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;

/**
 * Writes the failure headers that operators read on a dead letter onto the raw AMQP message
 * the binder will republish to the DLQ. The binder's own {@code x-exception-message} only says
 * "retry policy exhausted" after retries, so the real reason travels in these headers.
 *
 * <p>
 * Values never contain message text, phone numbers or secrets.
 */
public final class DeadLetterHeaders {

	/** Stable reason code, e.g. {@code validation.text.empty} or {@code genesys.http.400}. */
	public static final String REASON = "x-bridge-failure-reason";

	/** {@code TRANSIENT} (retries exhausted) or {@code PERMANENT} (dead-lettered at once). */
	public static final String FAILURE_CLASS = "x-bridge-failure-class";

	/** A short explanation safe to show operators. */
	public static final String DETAIL = "x-bridge-failure-detail";

	/** Class name of the last exception. */
	public static final String EXCEPTION = "x-bridge-exception";

	/** Delivery attempts made in this process before dead-lettering. */
	public static final String ATTEMPTS = "x-bridge-attempts";

	/** ISO-8601 instant of the first failure (kept across attempts and replays). */
	public static final String FIRST_FAILURE = "x-bridge-first-failure-at";

	/** ISO-8601 instant of the last failure. */
	public static final String LAST_FAILURE = "x-bridge-last-failure-at";

	private static final int MAX_DETAIL = 500;

	private DeadLetterHeaders() {
	}

	/**
	 * Records the failure on the source AMQP message, if the binder bound one.
	 * @param message the message as the function received it
	 * @param classification the classifier's verdict
	 * @param failure the exception
	 * @param now the failure time
	 */
	public static void record(Message<?> message, Classification classification, Throwable failure, Instant now) {
		Object source = StaticMessageHeaderAccessor.getSourceData(message);
		if (!(source instanceof org.springframework.amqp.core.Message amqp)) {
			return;
		}
		Map<String, Object> headers = amqp.getMessageProperties().getHeaders();
		headers.put(REASON, classification.reason());
		headers.put(FAILURE_CLASS, classification.failureClass().name());
		headers.put(DETAIL, truncate(String.valueOf(failure.getMessage())));
		headers.put(EXCEPTION, failure.getClass().getName());
		Integer attempt = StaticMessageHeaderAccessor.getDeliveryAttempt(message) != null
				? StaticMessageHeaderAccessor.getDeliveryAttempt(message).get() : null;
		headers.put(ATTEMPTS, (attempt != null) ? attempt : 1);
		headers.putIfAbsent(FIRST_FAILURE, now.toString());
		headers.put(LAST_FAILURE, now.toString());
	}

	private static String truncate(String value) {
		return (value.length() <= MAX_DETAIL) ? value : value.substring(0, MAX_DETAIL);
	}

}
