package io.genesysbridge.backend.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Binder retry policy: retries only what {@link ErrorClassifier} calls transient (or what the
 * binding's {@code retryable-exceptions} map forces), with exponential back-off, jitter, and
 * never sooner than a Genesys {@code Retry-After}.
 *
 * <p>
 * Spring's {@code RetryTemplate} asks {@link #shouldRetry} and then, on the same listener
 * thread, the back-off for the delay; the Retry-After of the failure just judged is handed over
 * through a thread-local, because the back-off API does not see the exception.
 */
final class ClassifyingRetryPolicy implements RetryPolicy {

	private static final ThreadLocal<@Nullable Duration> PENDING_RETRY_AFTER = new ThreadLocal<>();

	private final ErrorClassifier classifier;

	private final Map<Class<? extends Throwable>, Boolean> overrides;

	private final RetrySchedule schedule;

	ClassifyingRetryPolicy(ErrorClassifier classifier, Map<Class<? extends Throwable>, Boolean> overrides,
			RetrySchedule schedule) {
		this.classifier = classifier;
		this.overrides = Map.copyOf(overrides);
		this.schedule = schedule;
	}

	@Override
	public boolean shouldRetry(Throwable throwable) {
		Boolean forced = forcedByBinding(throwable);
		if (forced != null) {
			PENDING_RETRY_AFTER.remove();
			return forced;
		}
		Classification classification = this.classifier.classify(throwable);
		PENDING_RETRY_AFTER.set(classification.retryAfter());
		return classification.isTransient();
	}

	@Override
	public BackOff getBackOff() {
		return () -> new Execution(this.schedule);
	}

	private @Nullable Boolean forcedByBinding(Throwable throwable) {
		for (Throwable t = throwable; t != null; t = t.getCause()) {
			for (Map.Entry<Class<? extends Throwable>, Boolean> entry : this.overrides.entrySet()) {
				if (entry.getKey().isInstance(t)) {
					return entry.getValue();
				}
			}
		}
		return null;
	}

	/**
	 * The binder-configured back-off numbers.
	 *
	 * @param maxRetries attempts after the first one
	 * @param initial first delay
	 * @param multiplier growth per attempt
	 * @param max cap on the exponential part (a Retry-After may exceed it)
	 * @param jitter fraction of random spread, 0 to 1, applied symmetrically
	 */
	record RetrySchedule(int maxRetries, Duration initial, double multiplier, Duration max, double jitter) {

		long delayMillis(int retryIndex, double random) {
			double exponential = this.initial.toMillis() * Math.pow(this.multiplier, retryIndex);
			double capped = Math.min(exponential, this.max.toMillis());
			double spread = capped * this.jitter * (2 * random - 1);
			return Math.max(0, Math.round(capped + spread));
		}

	}

	private static final class Execution implements BackOffExecution {

		private final RetrySchedule schedule;

		private int retries;

		Execution(RetrySchedule schedule) {
			this.schedule = schedule;
		}

		@Override
		public long nextBackOff() {
			Duration retryAfter = PENDING_RETRY_AFTER.get();
			PENDING_RETRY_AFTER.remove();
			if (this.retries >= this.schedule.maxRetries()) {
				return STOP;
			}
			long delay = this.schedule.delayMillis(this.retries++, ThreadLocalRandom.current().nextDouble());
			return (retryAfter != null) ? Math.max(delay, retryAfter.toMillis()) : delay;
		}

	}

}
