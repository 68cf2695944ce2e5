package io.genesysbridge.console.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.genesysbridge.console.audit.AuditEntry;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterQuery;
import io.genesysbridge.console.deadletter.DeadLetterStatus;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.deadletter.DeadLetterSummary;
import io.genesysbridge.console.support.ConsoleIntegrationTest;
import io.genesysbridge.console.support.ConsoleTestRun;
import io.genesysbridge.console.support.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplayIT extends ConsoleIntegrationTest {

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private DeadLetterStore store;

	@Autowired
	private ReplayService service;

	@Autowired
	private BulkReplays bulk;

	@Autowired
	private ReplayRecovery recovery;

	@Autowired
	private AuditLog audit;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void drainInput() {
		drain();
	}

	@Test
	void shouldPublishTheOriginalBodyWithCleanHeadersAndMarkItReplayedAfterTheConfirm() {
		DeadLetterSummary deadLetter = deadLetters("single", 1).getFirst();

		ReplayOutcome outcome = this.service.replay(deadLetter.id(), "operator", "", "");

		assertThat(outcome.kind()).isEqualTo(ReplayOutcome.Kind.REPLAYED);
		List<Message> published = drain();
		assertThat(published).hasSize(1);
		Message replayed = published.getFirst();
		assertThat(new String(replayed.getBody())).contains("\"whatsapp_message_id\":\"wamid.single.0\"");
		assertThat(replayed.getMessageProperties().getContentType()).isEqualTo("application/json");
		assertThat(replayed.getMessageProperties().getReceivedDeliveryMode().name()).isEqualTo("PERSISTENT");
		assertThat(replayed.getMessageProperties().getHeaders()).containsEntry("x-bridge-replays", 1)
			.containsEntry("x-bridge-dead-letter-id", deadLetter.id())
			.containsKey("x-bridge-first-failure-at")
			.doesNotContainKeys("x-exception-message", "x-exception-stacktrace", "x-bridge-order-key",
					"x-bridge-order-seq", "x-original-routingKey", "x-bridge-failure-reason");
		DeadLetterSummary after = this.store.summaries(List.of(deadLetter.id())).getFirst();
		assertThat(after.status()).isEqualTo(DeadLetterStatus.REPLAYED);
		assertThat(after.replays()).isEqualTo(1);
	}

	@Test
	void shouldPublishOnceWhenManyClicksAndABulkReplayRaceForOneDeadLetter() throws Exception {
		DeadLetterSummary deadLetter = deadLetters("race", 1).getFirst();
		double refusedBefore = replays("refused");
		String operation = this.bulk.prepare(List.of(deadLetter.id()), "selected", "operator", 50);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<ReplayOutcome>> outcomes = new ArrayList<>();
		try (ExecutorService clicks = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 16; i++) {
				outcomes.add(clicks.submit(() -> {
					go.await();
					return this.service.replay(deadLetter.id(), "operator", "", "");
				}));
			}
			go.countDown();
			this.bulk.confirm(operation, "operator", 50, "test");
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DONE".equals(this.bulk.find(operation).orElseThrow().status()));
		long replayed = 0;
		long refused = 0;
		for (Future<ReplayOutcome> outcome : outcomes) {
			replayed += outcome.get().published() ? 1 : 0;
			refused += (outcome.get().kind() == ReplayOutcome.Kind.REFUSED) ? 1 : 0;
		}
		BulkReplay finished = this.bulk.find(operation).orElseThrow();
		assertThat(replayed + finished.done()).isEqualTo(1);
		assertThat(drain()).hasSize(1);
		assertThat(replays("refused") - refusedBefore).as("refused clicks, and the bulk step if it got that far")
			.isBetween((double) refused, refused + 1.0);
	}

	@Test
	void shouldReplayAFrozenSetAtTheChosenRateWithProgressAndAuditEveryMessage() {
		List<DeadLetterSummary> deadLetters = deadLetters("bulk", 20);
		String operation = this.bulk.prepare(deadLetters.stream().map(DeadLetterSummary::id).toList(), "filter",
				"operator", 20);
		deadLetters("bulk-late", 1);
		Instant started = Instant.now();

		assertThat(this.bulk.confirm(operation, "operator", 20, "test")).isTrue();
		assertThat(this.bulk.confirm(operation, "operator", 20, "test")).isFalse();

		await().atMost(Duration.ofSeconds(15))
			.until(() -> "DONE".equals(this.bulk.find(operation).orElseThrow().status()));
		BulkReplay done = this.bulk.find(operation).orElseThrow();
		assertThat(done.done()).isEqualTo(20);
		assertThat(Duration.between(started, Instant.now())).isGreaterThan(Duration.ofMillis(900));
		assertThat(drain()).hasSize(20);
		assertThat(this.audit.page(
				(entry) -> operation.equals(entry.operation()) && "deadletter.replay".equals(entry.action()), null,
				100))
			.hasSize(20);
		assertThat(this.store.find(query("bulk-late")).getFirst().status()).isEqualTo(DeadLetterStatus.WAITING);
	}

	@Test
	void shouldHoldBackWhileTheTenantsCircuitIsOpenAndGoOnWhenItCloses() {
		List<DeadLetterSummary> deadLetters = deadLetters("held", 3);
		String tenant = ConsoleTestRun.tenantId("replay-held");
		String circuit = ConsoleTestRun.CIRCUIT_PREFIX + "genesys-" + tenant;
		this.redis.opsForHash().putAll(circuit, Map.of("state", "OPEN", "since", Instant.now().toString()));
		String operation = this.bulk.prepare(deadLetters.stream().map(DeadLetterSummary::id).toList(), "filter",
				"operator", 50);
		this.bulk.confirm(operation, "operator", 50, "test");

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.bulk.find(operation).orElseThrow().heldBack().contains("is OPEN"));
		assertThat(drain()).isEmpty();
		this.redis.opsForHash().put(circuit, "state", "CLOSED");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> "DONE".equals(this.bulk.find(operation).orElseThrow().status()));
		assertThat(this.bulk.find(operation).orElseThrow().done()).isEqualTo(3);
		assertThat(drain()).hasSize(3);
	}

	@Test
	void shouldStopReplayingWhenPausedOrCancelled() {
		List<DeadLetterSummary> deadLetters = deadLetters("cancel", 30);
		String operation = this.bulk.prepare(deadLetters.stream().map(DeadLetterSummary::id).toList(), "filter",
				"operator", 10);
		this.bulk.confirm(operation, "operator", 10, "test");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.bulk.find(operation).orElseThrow().done() >= 2);

		assertThat(this.bulk.transition(operation, "RUNNING", "PAUSED", "", "")).isTrue();
		int atPause = awaitStable(operation);
		assertThat(this.bulk.transition(operation, "PAUSED", "RUNNING", "", "")).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.bulk.find(operation).orElseThrow().done() > atPause);
		assertThat(this.bulk.finish(operation, "RUNNING PAUSED", "CANCELLED")).isTrue();
		int atCancel = awaitStable(operation);

		assertThat(atCancel).isLessThan(30);
		assertThat(drain()).hasSize(atCancel);
		assertThat(this.store.find(query("cancel")).stream().filter((d) -> d.status() == DeadLetterStatus.WAITING))
			.hasSize(30 - atCancel);
	}

	@Test
	void shouldFinishAReplayInterruptedByACrashAndReportIt() {
		DeadLetterSummary deadLetter = deadLetters("crash", 1).getFirst();
		assertThat(this.store.claim(deadLetter.id(), "token-of-a-crashed-console", "", "operator")).isEqualTo("OK");

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.store.summaries(List.of(deadLetter.id()))
				.getFirst()
				.status() == DeadLetterStatus.REPLAYED);

		assertThat(drain()).hasSize(1);
		List<AuditEntry> reported = this.audit.page((entry) -> entry.targets().contains(deadLetter.id()), null, 10);
		assertThat(reported).extracting(AuditEntry::action).contains("deadletter.replay.recover");
		assertThat(this.store.replayingSince(Instant.now())).doesNotContain(deadLetter.id());
	}

	@Test
	void shouldReopenAReplayedDeadLetterThatFailsAgainWithMoreAttempts() {
		DeadLetterSummary deadLetter = deadLetters("refail", 1).getFirst();
		this.service.replay(deadLetter.id(), "operator", "", "");
		Message replayed = drain().getFirst();
		replayed.getMessageProperties().setHeader("x-bridge-failure-reason", "genesys.inbound-message.400");
		replayed.getMessageProperties().setHeader("x-bridge-attempts", 2);
		replayed.getMessageProperties().setHeader("x-bridge-last-failure-at", Instant.now().toString());

		this.rabbit.send("", ConsoleTestRun.DEAD_LETTER_QUEUE, replayed);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			DeadLetterSummary again = this.store.summaries(List.of(deadLetter.id())).getFirst();
			assertThat(again.status()).isEqualTo(DeadLetterStatus.WAITING);
			assertThat(again.attempts()).isEqualTo(3);
			assertThat(again.replays()).isEqualTo(1);
		});
	}

	private int awaitStable(String operation) {
		int[] last = { -1 };
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(400)).until(() -> {
			int done = this.bulk.find(operation).orElseThrow().done();
			boolean stable = done == last[0];
			last[0] = done;
			return stable;
		});
		return last[0];
	}

	private List<DeadLetterSummary> deadLetters(String name, int count) {
		String tenant = ConsoleTestRun.tenantId("replay-" + name);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < count; i++) {
			this.rabbit.send("", ConsoleTestRun.DEAD_LETTER_QUEUE,
					DeadLetters.of(tenant, "wamid." + name + "." + i, "text " + i, "genesys.inbound-message.400", now));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.store.find(query(name)).size() == count);
		return this.store.find(query(name));
	}

	private static DeadLetterQuery query(String name) {
		return new DeadLetterQuery(ConsoleTestRun.tenantId("replay-" + name), "", "", "", Set.of(), null, null);
	}

	private List<Message> drain() {
		List<Message> messages = new ArrayList<>();
		Message message;
		while ((message = this.rabbit.receive(ConsoleTestRun.INPUT_QUEUE, 200)) != null) {
			messages.add(message);
		}
		return messages;
	}

	private double replays(String outcome) {
		var counter = this.meters.find(ReplayService.REPLAYS).tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0.0;
	}

}
