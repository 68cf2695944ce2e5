package io.genesysbridge.backend.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessGaugeTests {

	private final MutableClock clock = new MutableClock();

	private final AtomicBoolean ready = new AtomicBoolean(true);

	private final AtomicInteger evaluations = new AtomicInteger();

	@Test
	void shouldReadOneWhileReadyAndZeroOtherwiseUnderItsPrometheusName() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ReadinessGauge(this::evaluate, this.clock, Runnable::run).register(registry);

		assertThat(registry.get(ReadinessGauge.NAME).gauge().value()).isEqualTo(1.0);
		this.ready.set(false);
		this.clock.advance(ReadinessGauge.MAX_AGE);
		assertThat(registry.get(ReadinessGauge.NAME).gauge().value()).isZero();
	}

	@Test
	void shouldReuseAReadingYoungerThanTwoSeconds() {
		ReadinessGauge gauge = new ReadinessGauge(this::evaluate, this.clock, Runnable::run);

		assertThat(gauge.value()).isEqualTo(1.0);
		this.ready.set(false);
		this.clock.advance(ReadinessGauge.MAX_AGE.minusMillis(1));
		assertThat(gauge.value()).isEqualTo(1.0);
		assertThat(this.evaluations).hasValue(1);

		this.clock.advance(Duration.ofMillis(1));
		assertThat(gauge.value()).isZero();
		assertThat(this.evaluations).hasValue(2);
	}

	@Test
	void shouldReadZeroWhenTheEvaluationFails() {
		ReadinessGauge gauge = new ReadinessGauge(() -> {
			throw new IllegalStateException("health endpoint not there yet");
		}, this.clock, Runnable::run);

		assertThat(gauge.value()).isZero();
	}

	@Test
	void shouldReadZeroInsteadOfWaitingForAnEvaluationThatHangs() {
		// an executor that never runs the evaluation: the scrape gives up after MAX_WAIT
		ReadinessGauge gauge = new ReadinessGauge(this::evaluate, this.clock, (task) -> {
		});

		long started = System.nanoTime();
		assertThat(gauge.value()).isZero();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ReadinessGauge.MAX_WAIT.multipliedBy(3));
		assertThat(this.evaluations).hasValue(0);
	}

	private boolean evaluate() {
		this.evaluations.incrementAndGet();
		return this.ready.get();
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-15T03:33:20Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
