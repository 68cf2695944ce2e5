package io.genesysbridge.fake;

import java.time.Duration;

/**
 * The fake's tunable behaviour (success status, latency, token lifetime, rate limit,
 * token endpoint failure, Retry-After, duplicate handling).
 *
 * <p>
 * Fields are volatile so a test thread can change them while server threads read them; a
 * change applies to requests that arrive afterwards, never to ones already in flight.
 */
final class Knobs {

	static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(86399);

	static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	static final int DEFAULT_SUCCESS_STATUS = 202;

	volatile int successStatus = DEFAULT_SUCCESS_STATUS;

	volatile long latencyMillis;

	volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

	volatile Duration retryAfter = DEFAULT_RETRY_AFTER;

	volatile int rateLimitPerMinute;

	volatile int tokenFailureStatus;

	volatile boolean idempotentDuplicates;

	/** Back to the defaults documented on {@link FakeGenesys}. */
	void reset() {
		this.successStatus = DEFAULT_SUCCESS_STATUS;
		this.latencyMillis = 0;
		this.tokenLifetime = DEFAULT_TOKEN_LIFETIME;
		this.retryAfter = DEFAULT_RETRY_AFTER;
		this.rateLimitPerMinute = 0;
		this.tokenFailureStatus = 0;
		this.idempotentDuplicates = false;
	}

}
