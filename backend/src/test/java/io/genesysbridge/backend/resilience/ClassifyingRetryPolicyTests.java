package io.genesysbridge.backend.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClassifyingRetryPolicyTests {

	private static final ClassifyingRetryPolicy.RetrySchedule SCHEDULE = new ClassifyingRetryPolicy.RetrySchedule(3,
			Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0);

	@Test
	void shouldGrowExponentiallyUpToTheCap() {
		assertThat(SCHEDULE.delayMillis(0, 0.5)).isEqualTo(100);
		assertThat(SCHEDULE.delayMillis(1, 0.5)).isEqualTo(200);
		assertThat(SCHEDULE.delayMillis(2, 0.5)).isEqualTo(300);
		assertThat(SCHEDULE.delayMillis(5, 0.5)).isEqualTo(300);
	}

	@Test
	void shouldSpreadDelaysByTheJitterFraction() {
		ClassifyingRetryPolicy.RetrySchedule jittered = new ClassifyingRetryPolicy.RetrySchedule(3,
				Duration.ofMillis(1000), 2.0, Duration.ofMillis(30000), 0.2);

		assertThat(jittered.delayMillis(0, 0.0)).isEqualTo(800);
		assertThat(jittered.delayMillis(0, 1.0)).isEqualTo(1200);
		assertThat(jittered.delayMillis(0, 0.5)).isEqualTo(1000);
	}

	@Test
	void shouldRetryTransientFailuresOnlyAsOftenAsConfigured() {
		ClassifyingRetryPolicy policy = new ClassifyingRetryPolicy(new ErrorClassifier(), Map.of(), SCHEDULE);
		BackOffExecution execution = policy.getBackOff().start();

		assertThat(policy.shouldRetry(failure(FailureClass.TRANSIENT, null))).isTrue();
		assertThat(execution.nextBackOff()).isEqualTo(100);
		assertThat(execution.nextBackOff()).isEqualTo(200);
		assertThat(execution.nextBackOff()).isEqualTo(300);
		assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void shouldNeverRetryPermanentFailures() {
		ClassifyingRetryPolicy policy = new ClassifyingRetryPolicy(new ErrorClassifier(), Map.of(), SCHEDULE);

		assertThat(policy.shouldRetry(failure(FailureClass.PERMANENT, null))).isFalse();
	}

	@Test
	void shouldWaitAtLeastTheRetryAfter() {
		ClassifyingRetryPolicy policy = new ClassifyingRetryPolicy(new ErrorClassifier(), Map.of(), SCHEDULE);
		BackOffExecution execution = policy.getBackOff().start();

		policy.shouldRetry(failure(FailureClass.TRANSIENT, Duration.ofSeconds(2)));
		long first = execution.nextBackOff();
		policy.shouldRetry(failure(FailureClass.TRANSIENT, null));
		long second = execution.nextBackOff();

		assertThat(first).isEqualTo(2000);
		assertThat(second).isEqualTo(200);
	}

	@Test
	void shouldLetTheBindingsRetryableExceptionsOverrideTheClassifier() {
		ClassifyingRetryPolicy policy = new ClassifyingRetryPolicy(new ErrorClassifier(),
				Map.of(IllegalArgumentException.class, false), SCHEDULE);

		assertThat(policy.shouldRetry(new IllegalArgumentException("bad"))).isFalse();
		assertThat(policy.shouldRetry(new IllegalStateException("x", new IllegalArgumentException()))).isFalse();
		assertThat(policy.shouldRetry(new UnsupportedOperationException())).isTrue();
	}

	@Test
	void shouldDriveSpringsRetryTemplateToSuccessAfterTransientFailures() throws Exception {
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(new ClassifyingRetryPolicy(new ErrorClassifier(), Map.of(),
				new ClassifyingRetryPolicy.RetrySchedule(4, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0)));
		AtomicInteger calls = new AtomicInteger();

		String result = template.execute(() -> {
			if (calls.incrementAndGet() < 3) {
				throw failure(FailureClass.TRANSIENT, null);
			}
			return "done";
		});

		assertThat(result).isEqualTo("done");
		assertThat(calls).hasValue(3);
	}

	@Test
	void shouldStopAtOnceOnAPermanentFailure() {
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(new ClassifyingRetryPolicy(new ErrorClassifier(), Map.of(),
				new ClassifyingRetryPolicy.RetrySchedule(4, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0)));
		AtomicInteger calls = new AtomicInteger();

		assertThatExceptionOfType(RetryException.class).isThrownBy(() -> template.execute(() -> {
			calls.incrementAndGet();
			throw failure(FailureClass.PERMANENT, null);
		}));
		assertThat(calls).hasValue(1);
	}

	private static ErrorClassifierTests.Failure failure(FailureClass failureClass, Duration retryAfter) {
		return new ErrorClassifierTests.Failure(failureClass, "test", retryAfter);
	}

}
