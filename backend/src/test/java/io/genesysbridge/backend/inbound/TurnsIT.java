package io.genesysbridge.backend.inbound;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.genesysbridge.backend.ordering.OrderingGate;
import io.genesysbridge.backend.support.BackendIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
		assertThat(this.turns.waitFor(head)).as("the head's turn").isNull();

		this.turns.deferred(head, Duration.ofSeconds(30));
		Outcome outcome = this.turns.waitFor(successor);

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

		Outcome outcome = this.turns.waitFor(successor);

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

		assertThat(this.turns.waitFor(successor)).isNull();
	}

	@Test
	void shouldGoAheadWhileWaitingInPlaceOnceThePredecessorIsDone() throws Exception {
		String key = UUID.randomUUID().toString();
		Message<byte[]> head = numbered(key, 1);
		Message<byte[]> successor = numbered(key, 2);
		try (ExecutorService consumer = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Outcome> waiting = consumer.submit(() -> this.turns.waitFor(successor));
			await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> this.turns.waitingOn(key) == 1);

			this.turns.done(head);

			assertThat(waiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("its turn, not a deferral").isNull();
		}
	}

	@Test
	void shouldLetAMessageTheSequencerFoundAtTheHeadGoWithoutAskingRedis() {
		String key = UUID.randomUUID().toString();
		Message<byte[]> notHead = numbered(key, 3);
		Message<byte[]> head = MessageBuilder.fromMessage(notHead).setHeader("x-bridge-order-head", true).build();

		assertThat(this.turns.waitFor(head)).as("Redis says 1 is next, the header says 3 is the head").isNull();
		assertThat(this.turns.waitFor(notHead)).isInstanceOf(Outcome.Defer.class);
	}

	private static Message<byte[]> numbered(String key, long seq) {
		return MessageBuilder.withPayload(new byte[0])
			.setHeader("x-bridge-order-key", key)
			.setHeader("x-bridge-order-seq", seq)
			.build();
	}

}
