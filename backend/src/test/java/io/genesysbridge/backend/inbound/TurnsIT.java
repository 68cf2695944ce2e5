package io.genesysbridge.backend.inbound;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.genesysbridge.backend.ordering.OrderingGate;
import io.genesysbridge.backend.support.BackendIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message whose predecessor in the conversation is itself deferred goes straight to that
 * predecessor's return time, instead of polling in place and deferring again every second.
 */
class TurnsIT extends BackendIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private Turns turns;

	@Autowired
	private OrderingGate gate;

	@Test
	void shouldDeferASuccessorStraightToItsDeferredPredecessorsReturn() {
		String key = UUID.randomUUID().toString();
		Message<byte[]> head = numbered(key, 1);
		Message<byte[]> successor = numbered(key, 2);
		assertThat(this.turns.waitFor(head).block(WAIT)).as("the head's turn").isNull();

		this.turns.deferred(head, Duration.ofSeconds(30));
		Outcome outcome = this.turns.waitFor(successor).block(WAIT);

		// waiting in place would end in the short order.waiting delay (deferDelay), not 30 s
		assertThat(outcome).isInstanceOfSatisfying(Outcome.Defer.class, (defer) -> {
			assertThat(defer.reason()).isEqualTo(Turns.REASON);
			assertThat(defer.delay()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		});
	}

	@Test
	void shouldWaitInPlaceAndThenDeferBrieflyWhenThePredecessorIsNotDeferred() {
		String key = UUID.randomUUID().toString();
		Message<byte[]> successor = numbered(key, 2);

		Outcome outcome = this.turns.waitFor(successor).block(WAIT);

		assertThat(outcome).isInstanceOfSatisfying(Outcome.Defer.class,
				(defer) -> assertThat(defer.delay()).isEqualTo(this.gate.deferDelay()));
	}

	@Test
	void shouldLetTheSuccessorGoOnceThePredecessorIsDone() {
		String key = UUID.randomUUID().toString();
		Message<byte[]> head = numbered(key, 1);
		Message<byte[]> successor = numbered(key, 2);
		this.turns.deferred(head, Duration.ofSeconds(30));

		this.turns.done(head);

		assertThat(this.turns.waitFor(successor).block(WAIT)).isNull();
	}

	private static Message<byte[]> numbered(String key, long seq) {
		return MessageBuilder.withPayload(new byte[0])
			.setHeader("x-bridge-order-key", key)
			.setHeader("x-bridge-order-seq", seq)
			.build();
	}

}
