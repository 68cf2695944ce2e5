package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.messaging.Message;

import io.genesysbridge.backend.deferral.DeferralHeaders;
import io.genesysbridge.backend.ordering.OrderHeaders;
import io.genesysbridge.backend.ordering.OrderingGate;

/**
 * A numbered message's turn in its conversation. It goes ahead when every earlier message of
 * the conversation reached a final outcome; otherwise it waits briefly in place and is then
 * deferred. Unnumbered messages (ordering off, unreadable bodies) always go ahead.
 */
final class Turns {

	static final String REASON = "order.waiting";

	static final String GAPS = "genesysbridge.ordering.gaps.skipped";

	private static final Log logger = LogFactory.getLog(Turns.class);

	private final OrderingGate gate;

	private final Clock clock;

	/** At most this many consumers of one replica wait in place on one conversation. */
	static final int MAX_LOCAL_WAITERS = 4;

	private final Counter gaps;

	private final Map<String, AtomicInteger> waiters = new ConcurrentHashMap<>();

	Turns(OrderingGate gate, Clock clock, MeterRegistry registry) {
		this.gate = gate;
		this.clock = clock;
		this.gaps = Counter.builder(GAPS)
			.description("Messages that went ahead after waiting gap-timeout for a predecessor that never came")
			.register(registry);
	}

	/**
	 * @return empty when it is the message's turn, else a deferral
	 */
	Mono<Outcome> waitFor(Message<?> message) {
		Order order = orderOf(message);
		if (order == null) {
			return Mono.empty();
		}
		return this.gate.next(order.key())
			.flatMap((next) -> (order.seq() <= next) ? Mono.<Outcome>empty() : notYourTurn(message, order));
	}

	/**
	 * If the conversation's current message is itself deferred for longer than a local wait, a
	 * successor defers straight to that message's return instead of polling; otherwise it waits
	 * in place a little.
	 */
	private Mono<Outcome> notYourTurn(Message<?> message, Order order) {
		return this.gate.dueAt(order.key()).flatMap((due) -> {
			long wait = due - this.clock.millis();
			if (wait > this.gate.localWait().toMillis()) {
				return Mono.just(new Outcome.Defer(Duration.ofMillis(wait), REASON));
			}
			return pollUntilTurn(message, order);
		});
	}

	/**
	 * Records that a message whose turn it was is deferred until {@code delay} from now, for its
	 * successors ({@link #notYourTurn}). Best effort: without the record they poll as before.
	 */
	void deferred(Message<?> message, Duration delay) {
		Order order = orderOf(message);
		if (order != null) {
			this.gate.holdUntil(order.key(), this.clock.millis() + delay.toMillis(), delay)
				.onErrorResume((ex) -> Mono.empty())
				.block(Duration.ofSeconds(5));
		}
	}

	/**
	 * Lets the next message of the conversation go: call once the message reached a final
	 * outcome (delivered, duplicate, dead-lettered).
	 */
	void done(Message<?> message) {
		Order order = orderOf(message);
		if (order != null) {
			this.gate.advance(order.key(), order.seq()).onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(5));
		}
	}

	/**
	 * Waits in place a little, unless enough consumers already wait on this conversation: then
	 * it is deferred at once, so one busy conversation cannot take every consumer.
	 */
	private Mono<Outcome> pollUntilTurn(Message<?> message, Order order) {
		AtomicInteger waiting = this.waiters.computeIfAbsent(order.key(), (k) -> new AtomicInteger());
		if (waiting.incrementAndGet() > MAX_LOCAL_WAITERS) {
			release(order.key(), waiting);
			return notYet(message, order);
		}
		return poll(message, order).doFinally((signal) -> release(order.key(), waiting));
	}

	private void release(String key, AtomicInteger waiting) {
		if (waiting.decrementAndGet() <= 0) {
			this.waiters.remove(key, waiting);
		}
	}

	private Mono<Outcome> poll(Message<?> message, Order order) {
		return Flux.interval(this.gate.pollInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> this.gate.next(order.key()), 1)
			.filter((next) -> next >= order.seq())
			.next()
			.flatMap((next) -> Mono.<Outcome>empty())
			.timeout(this.gate.localWait(), Mono.defer(() -> notYet(message, order)));
	}

	private Mono<Outcome> notYet(Message<?> message, Order order) {
		Instant firstDeferred = firstDeferredAt(message);
		if (firstDeferred != null && firstDeferred.plus(this.gate.gapTimeout()).isBefore(this.clock.instant())) {
			this.gaps.increment();
			logger.warn("Message " + order.seq() + " of conversation " + order.key() + " waited longer than "
					+ this.gate.gapTimeout() + " for its predecessor; letting it go ahead");
			return this.gate.skipTo(order.key(), order.seq() - 1).then(Mono.empty());
		}
		return Mono.just(new Outcome.Defer(this.gate.deferDelay(), REASON));
	}

	private static @Nullable Instant firstDeferredAt(Message<?> message) {
		Object value = message.getHeaders().get(DeferralHeaders.FIRST_AT);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value.toString());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable Order orderOf(Message<?> message) {
		Object key = message.getHeaders().get(OrderHeaders.KEY);
		Object seq = message.getHeaders().get(OrderHeaders.SEQ);
		if (key == null || !(seq instanceof Number number)) {
			return null;
		}
		return new Order(key.toString(), number.longValue());
	}

	private record Order(String key, long seq) {
	}

}
