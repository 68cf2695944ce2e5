package io.genesysbridge.backend.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Decides, in one place, whether a failure is transient (retry with back-off) or permanent
 * (dead-letter at once). Binder retry, the dead-letter headers and metrics all ask it.
 *
 * <p>
 * Unknown exceptions are treated as transient: a bug then costs a few retries before the
 * message is dead-lettered, whereas calling an unknown failure permanent could dead-letter a
 * whole outage's worth of good messages.
 */
public final class ErrorClassifier {

	private static final int MAX_CAUSE_DEPTH = 16;

	public Classification classify(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			Classification known = classifyOne(current);
			if (known != null) {
				return known;
			}
			current = current.getCause();
		}
		return new Classification(FailureClass.TRANSIENT, "unexpected." + failure.getClass().getSimpleName(), null);
	}

	private static @Nullable Classification classifyOne(Throwable failure) {
		if (failure instanceof ClassifiedFailure classified) {
			return new Classification(classified.failureClass(), classified.reason(), classified.retryAfter());
		}
		if (failure instanceof TimeoutException || failure instanceof QueryTimeoutException) {
			return transientBecause("timeout");
		}
		if (failure instanceof ConnectException || failure instanceof RedisConnectionFailureException) {
			return transientBecause("connection");
		}
		if (failure instanceof WebClientRequestException) {
			return transientBecause("genesys.io");
		}
		if (failure instanceof IOException) {
			return transientBecause("io");
		}
		return null;
	}

	private static Classification transientBecause(String reason) {
		return new Classification(FailureClass.TRANSIENT, reason, null);
	}

}
