package io.genesysbridge.backend.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.messaging.Message;

import io.genesysbridge.backend.deferral.DeferralHeaders;
import io.genesysbridge.backend.ordering.OrderHeaders;
import io.genesysbridge.backend.ordering.OrderingGate;

/**
 * A numbered message's turn in its conversation. It goes ahead when every earlier message of
 * the conversation reached a final outcome (known without asking Redis when the sequencer
 * marked it as the conversation's head); otherwise it waits briefly in place (sleeping on
 * the consumer's virtual thread) and is then deferred. Unnumbered messages (ordering off,
 * unreadable bodies) always go ahead.
 */
final class Turns {

	static final String REASON = "order.waiting";

	static final String GAPS = "genesysbridge.ordering.gaps.skipped";

	private static final Log logger = LogFactory.getLog(Turns.class);

	private final OrderingGate gate;

	private final Clock clock;

	/** At most this many consumers of one replica wait in place on one conversation. */
	static final int MAX_LOCAL_WAITERS = 4;

	/** Backstop on each Redis call; the client's own command timeout (2 s) normally ends it first. */
	private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

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
	 * Runs on the consumer's (virtual) thread: a wait in place sleeps there, with no Reactor
	 * timer involved.
	 * @return null when it is the message's turn, else a deferral
	 */
	@Nullable Outcome waitFor(Message<?> message) {
		Order order = orderOf(message);
		if (order == null || isHead(message) || isTurnOf(order)) {
			return null;
		}
		return notYourTurn(message, order);
	}

	/**
	 * If the conversation's current message is itself deferred for longer than a local wait, a
	 * successor defers straight to that message's return instead of polling; otherwise it waits
	 * in place a little.
	 */
	private @Nullable Outcome notYourTurn(Message<?> message, Order order) {
		Long due = this.gate.dueAt(order.key()).block(REDIS_WAIT);
		long wait = ((due != null) ? due : 0) - this.clock.millis();
		if (wait > this.gate.localWait().toMillis()) {
			return new Outcome.Defer(Duration.ofMillis(wait), REASON);
		}
		return pollUntilTurn(message, order);
	}

	/**
	 * A message the sequencer found at the head of its conversation stays there until it is
	 * done (only its own outcome, or a successor's gap skip, moves the conversation on), so its
	 * turn needs no Redis round trip.
	 */
	private static boolean isHead(Message<?> message) {
		Object head = message.getHeaders().get(OrderHeaders.HEAD);
		return Boolean.TRUE.equals(head) || "true".equals(head);
	}

	private boolean isTurnOf(Order order) {
		Long next = this.gate.next(order.key()).block(REDIS_WAIT);
		return next != null && order.seq() <= next;
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
				.block(REDIS_WAIT);
		}
	}

	/**
	 * Lets the next message of the conversation go: call once the message reached a final
	 * outcome (delivered, duplicate, dead-lettered).
	 */
	void done(Message<?> message) {
		Order order = orderOf(message);
		if (order != null) {
			this.gate.advance(order.key(), order.seq()).onErrorResume((ex) -> Mono.empty()).block(REDIS_WAIT);
		}
	}

	/**
	 * Waits in place a little, polling every {@code pollInterval} for up to {@code localWait},
	 * unless enough consumers already wait on this conversation: then it is deferred at once, so
	 * one busy conversation cannot take every consumer.
	 */
	private @Nullable Outcome pollUntilTurn(Message<?> message, Order order) {
		AtomicInteger waiting = this.waiters.computeIfAbsent(order.key(), (k) -> new AtomicInteger());
		try {
			if (waiting.incrementAndGet() > MAX_LOCAL_WAITERS) {
				return notYet(message, order);
			}
			long deadline = System.nanoTime() + this.gate.localWait().toNanos();
			long interval = this.gate.pollInterval().toNanos();
			while (System.nanoTime() + interval <= deadline) {
				TimeUnit.NANOSECONDS.sleep(interval);
				if (isTurnOf(order)) {
					return null;
				}
			}
			return notYet(message, order);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome.Defer(this.gate.deferDelay(), REASON);
		}
		finally {
			release(order.key(), waiting);
		}
	}

	/**
	 * @param key conversation key
	 * @return how many consumers of this replica wait in place on the conversation now
	 */
	int waitingOn(String key) {
		AtomicInteger waiting = this.waiters.get(key);
		return (waiting != null) ? waiting.get() : 0;
	}

	private void release(String key, AtomicInteger waiting) {
		if (waiting.decrementAndGet() <= 0) {
			this.waiters.remove(key, waiting);
		}
	}

	private @Nullable Outcome notYet(Message<?> message, Order order) {
		Instant firstDeferred = firstDeferredAt(message);
		if (firstDeferred != null && firstDeferred.plus(this.gate.gapTimeout()).isBefore(this.clock.instant())) {
			this.gaps.increment();
			logger.warn("Message " + order.seq() + " of conversation " + order.key() + " waited longer than "
					+ this.gate.gapTimeout() + " for its predecessor; letting it go ahead");
			this.gate.skipTo(order.key(), order.seq() - 1).block(REDIS_WAIT);
			return null;
		}
		return new Outcome.Defer(this.gate.deferDelay(), REASON);
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
