package io.genesysbridge.backend.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The gauge {@code genesysbridge.readiness.up} (Prometheus {@code genesysbridge_readiness_up}):
 * 1 while the readiness health group is UP, 0 otherwise. Alerts are written against this exact
 * name. A scrape reuses a reading younger than {@link #MAX_AGE}; an older one is replaced by a
 * fresh evaluation on a virtual thread, which a scrape waits for at most {@link #MAX_WAIT}: a
 * readiness check that hangs (a broker that stopped answering) reads as 0 instead of stalling
 * Prometheus.
 */
final class ReadinessGauge {

	static final String NAME = "genesysbridge.readiness.up";

	static final Duration MAX_AGE = Duration.ofSeconds(2);

	static final Duration MAX_WAIT = Duration.ofSeconds(1);

	private final BooleanSupplier readiness;

	private final Clock clock;

	private final Executor executor;

	private volatile Reading last = new Reading(0, Instant.EPOCH);

	private @Nullable CompletableFuture<Double> pending;

	/**
	 * @param readiness evaluates the readiness group (may block on its health checks)
	 * @param clock the clock that ages readings
	 * @param executor where evaluations run
	 */
	ReadinessGauge(BooleanSupplier readiness, Clock clock, Executor executor) {
		this.readiness = readiness;
		this.clock = clock;
		this.executor = executor;
	}

	ReadinessGauge register(MeterRegistry registry) {
		Gauge.builder(NAME, this, ReadinessGauge::value)
			.description("1 while the readiness health group (readiness state, RabbitMQ, Redis) is UP, else 0")
			.strongReference(true)
			.register(registry);
		return this;
	}

	/**
	 * @return 1 if the readiness group was UP at a reading at most {@link #MAX_AGE} old, else 0
	 */
	double value() {
		Reading reading = this.last;
		if (Duration.between(reading.at(), this.clock.instant()).compareTo(MAX_AGE) < 0) {
			return reading.value();
		}
		try {
			return evaluation().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private synchronized CompletableFuture<Double> evaluation() {
		CompletableFuture<Double> running = this.pending;
		if (running != null && !running.isDone()) {
			return running;
		}
		CompletableFuture<Double> next = CompletableFuture.supplyAsync(this::evaluate, this.executor);
		this.pending = next;
		return next;
	}

	private double evaluate() {
		double value;
		try {
			value = this.readiness.getAsBoolean() ? 1 : 0;
		}
		catch (RuntimeException ex) {
			value = 0;
		}
		this.last = new Reading(value, this.clock.instant());
		return value;
	}

	private record Reading(double value, Instant at) {
	}

}
