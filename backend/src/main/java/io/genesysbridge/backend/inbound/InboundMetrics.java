package io.genesysbridge.backend.inbound;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts inbound messages of the contract queue by outcome: {@code delivered},
 * {@code duplicate} (a dedupe hit), {@code deferred} (with its reason), {@code rejected}
 * (permanent, dead-lettered at once, with its reason) and {@code failed} (a transient attempt
 * failure, retried); and times how old a message is when the processor first picks it up.
 */
final class InboundMetrics {

	static final String MESSAGES = "genesysbridge.inbound.messages";

	static final String MESSAGE_AGE = "genesysbridge.inbound.message.age";

	private final MeterRegistry registry;

	private final String queue;

	private final Counter delivered;

	private final Counter duplicate;

	private final Timer age;

	/**
	 * @param registry where the meters go
	 * @param queue the contract queue the messages came from ({@code app.queues.inbound})
	 */
	InboundMetrics(MeterRegistry registry, String queue) {
		this.registry = registry;
		this.queue = queue;
		this.delivered = counter("delivered", "none");
		this.duplicate = counter("duplicate", "none");
		this.age = Timer.builder(MESSAGE_AGE)
			.description("Age of an inbound message (since its AMQP timestamp, else its envelope timestamp) "
					+ "when the processor first starts processing it")
			.tag("queue", queue)
			.publishPercentileHistogram()
			.serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
					Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
	}

	void delivered() {
		this.delivered.increment();
	}

	void duplicate() {
		this.duplicate.increment();
	}

	void deferred(String reason) {
		counter("deferred", reason).increment();
	}

	void rejected(String reason) {
		counter("rejected", reason).increment();
	}

	void failed(String reason) {
		counter("failed", reason).increment();
	}

	void age(Duration age) {
		this.age.record(age.isNegative() ? Duration.ZERO : age);
	}

	private Counter counter(String outcome, String reason) {
		return Counter.builder(MESSAGES)
			.description("Inbound messages from the contract queue, by outcome of each attempt")
			.tag("queue", this.queue)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(this.registry);
	}

}
