package io.genesysbridge.backend.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.genesysbridge.backend.support.BackendIntegrationTest;
import io.genesysbridge.backend.support.QueueProbe;
import io.genesysbridge.backend.support.TestRun;
import io.genesysbridge.backend.webhook.WebhookCaller.Answer;

import static io.genesysbridge.backend.webhook.GenesysNotifications.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3's acceptance run: 500 signed agent messages, each delivered twice (in a shuffled
 * order, so copies meet both in flight and after publication), while RabbitMQ goes away once in
 * the middle and comes back; Genesys's retry policy is replayed (up to 5 retries of a timeout,
 * 429 or 5xx; 1 s apart instead of 5 s, to keep the run short). Plus 100 deliveries with bad
 * signatures.
 *
 * <p>
 * By default "RabbitMQ goes away" means {@link TestRun#RABBIT} first lets publishes reach the
 * broker while holding back its confirms (300 ms, the last moment of a broker going down), then
 * closes every connection and refuses new ones for 3 s. The processor cannot tell that from a
 * broker restart, every publish in flight at that moment loses its confirm, and the broker
 * other test runs share is left alone. {@code -Dwebhook.acceptance.real-restart=true}
 * restarts the real broker instead ({@code rabbitmqctl stop_app} / {@code start_app}, needs
 * root).
 *
 * <p>
 * Exactly once means exactly once here: a publish whose confirm was lost is settled through the
 * {@link PublishLedger} before Genesys's retry may publish again.
 */
class WebhookAcceptanceIT extends BackendIntegrationTest {

	private static final Log logger = LogFactory.getLog(WebhookAcceptanceIT.class);

	private static final int MESSAGES = 500;

	private static final int BAD_SIGNATURES = 100;

	private static final int CONCURRENCY = 16;

	private static final Duration OUTAGE = Duration.ofSeconds(3);

	/** How long the broker takes publishes without its confirms reaching the bridge. */
	private static final Duration CONFIRMS_LOST = Duration.ofMillis(300);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private QueueProbe probe;

	@Autowired
	private MeterRegistry registry;

	@Test
	void shouldPublishEveryAgentMessageOnceAcrossARabbitMqRestartAndNothingBadlySigned() throws Exception {
		String batch = "acc" + GenesysNotifications.newId().substring(0, 12);
		List<Delivery> deliveries = deliveries(batch);
		WebhookCaller genesys = new WebhookCaller(this.port);
		AtomicInteger done = new AtomicInteger();
		double ambiguousBefore = ambiguousPublishes();

		Thread outage = Thread.ofPlatform().name("broker-outage").start(() -> outageWhenHalfDone(done, deliveries.size()));
		List<Result> results = Flux.fromIterable(deliveries)
			.flatMap((delivery) -> deliverLikeGenesys(genesys, delivery).doOnNext((result) -> done.incrementAndGet()),
					CONCURRENCY)
			.collectList()
			.block(WAIT);
		outage.join(WAIT.toMillis());

		Map<String, Long> copies = awaitPublished(batch);
		report(results, copies, ambiguousPublishes() - ambiguousBefore, settled());
		List<Result> good = results.stream().filter(Result::signedRight).toList();
		List<Result> bad = results.stream().filter((result) -> !result.signedRight()).toList();
		assertThat(good).hasSize(2 * MESSAGES).allSatisfy((result) -> assertThat(result.last().status())
			.as("final answer to %s after Genesys's retries", result.id()).isEqualTo(200));
		assertThat(good).filteredOn((result) -> result.answers().stream().anyMatch((a) -> a.status() == 200))
			.allSatisfy((result) -> assertThat(copies).containsKey(result.id()));
		assertThat(copies).hasSize(MESSAGES);
		assertThat(copies).as("copies of each agent message in the queue, also where a confirm was lost")
			.allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
		assertThat(bad).hasSize(BAD_SIGNATURES)
			.allSatisfy((result) -> assertThat(result.last().status()).isEqualTo(403));
		assertThat(bad).noneSatisfy((result) -> assertThat(copies).containsKey(result.id()));
		assertThat(results.stream().mapToLong((result) -> result.answers().stream().filter((a) -> a.status() == 503).count())
			.sum()).as("503s while RabbitMQ was away").isPositive();
		assertThat(ambiguousPublishes() - ambiguousBefore).as("publishes whose confirm was lost").isPositive();
	}

	private static List<Delivery> deliveries(String batch) {
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			String tenant = TestRun.TENANTS[i % TestRun.TENANTS.length];
			String id = batch + "m" + i;
			byte[] body = GenesysNotifications.text(id, TestRun.integrationOf(tenant), "9198765" + (10000 + i),
					"Agent message " + i);
			String signature = sign(TestRun.webhookSecretOf(tenant), body);
			deliveries.add(new Delivery(id, body, signature, true));
			deliveries.add(new Delivery(id, body, signature, true));
		}
		for (int i = 0; i < BAD_SIGNATURES; i++) {
			String tenant = TestRun.TENANTS[i % TestRun.TENANTS.length];
			String id = batch + "b" + i;
			byte[] body = GenesysNotifications.text(id, TestRun.integrationOf(tenant), "4711", "forged " + i);
			String signature = (i % 2 == 0) ? sign("a-guessed-secret-" + i, body)
					: sign(TestRun.webhookSecretOf(tenant), GenesysNotifications.bytes("{}"));
			deliveries.add(new Delivery(id, body, signature, false));
		}
		Collections.shuffle(deliveries, new Random(20261120L));
		return deliveries;
	}

	/**
	 * Genesys's retry policy: a timeout, 429 or 5xx is retried up to 5 times; anything else is
	 * final.
	 */
	private static Mono<Result> deliverLikeGenesys(WebhookCaller genesys, Delivery delivery) {
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		return Mono.defer(() -> genesys.postAsync(delivery.body(), delivery.signature()))
			.timeout(Duration.ofSeconds(10))
			.onErrorResume((ex) -> Mono.just(new Answer(599, ex.getClass().getSimpleName())))
			.doOnNext(answers::add)
			.flatMap((answer) -> (answer.status() == 429 || answer.status() >= 500)
					? Mono.error(new IOException("retryable " + answer.status())) : Mono.just(answer))
			.retryWhen(Retry.fixedDelay(5, Duration.ofSeconds(1)).filter(IOException.class::isInstance))
			.onErrorResume((ex) -> Mono.empty())
			.then(Mono.fromSupplier(() -> new Result(delivery.id(), delivery.signedRight(), List.copyOf(answers))));
	}

	private void outageWhenHalfDone(AtomicInteger done, int total) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
			.until(() -> done.get() >= total / 3);
		logger.info("Taking RabbitMQ away after " + done.get() + " of " + total + " deliveries");
		if (Boolean.getBoolean("webhook.acceptance.real-restart")) {
			restartRealBroker();
		}
		else {
			TestRun.RABBIT.muteReplies();
			sleep(CONFIRMS_LOST);
			TestRun.RABBIT.cut();
			try {
				sleep(OUTAGE);
			}
			finally {
				TestRun.RABBIT.restore();
			}
		}
		logger.info("RabbitMQ is back after " + done.get() + " deliveries");
	}

	private static void restartRealBroker() {
		try {
			rabbitmqctl("stop_app");
			sleep(OUTAGE);
		}
		finally {
			rabbitmqctl("start_app");
			rabbitmqctl("await_startup");
		}
	}

	private static void rabbitmqctl(String command) {
		try {
			Process process = new ProcessBuilder("rabbitmqctl", command).inheritIO().start();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rabbitmqctl " + command).isTrue();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException("rabbitmqctl " + command + " failed", ex);
		}
	}

	/**
	 * Every id once, and then everything else that reached the queue: once the ledger is empty,
	 * every publish the broker took is in the output queue too.
	 */
	private Map<String, Long> awaitPublished(String batch) {
		this.probe.await(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(batch), MESSAGES, WAIT);
		Awaitility.await().atMost(WAIT).until(() -> this.probe.depth(TestRun.WEBHOOK_LEDGER_QUEUE) == 0);
		List<Message> messages = this.probe.drain(TestRun.OUTBOUND_MESSAGES_QUEUE, QueueProbe.bodyContains(batch));
		return messages.stream()
			.map((message) -> JSON.readTree(message.getBody()).get("genesysId").asString())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private double ambiguousPublishes() {
		return this.registry.find(WebhookMetrics.PUBLISH)
			.tag("outcome", "publish.connection-lost")
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

	private Map<String, Double> settled() {
		return this.registry.find(WebhookMetrics.LEDGER_SETTLED)
			.counters()
			.stream()
			.collect(Collectors.toMap((counter) -> counter.getId().getTag("result"), Counter::count));
	}

	private static void report(List<Result> results, Map<String, Long> copies, double ambiguous,
			Map<String, Double> settled) {
		Map<Integer, Long> statuses = results.stream()
			.flatMap((result) -> result.answers().stream())
			.collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
		Set<String> duplicated = ConcurrentHashMap.newKeySet();
		copies.forEach((id, count) -> {
			if (count > 1) {
				duplicated.add(id);
			}
		});
		logger.info("Acceptance: answers by status " + statuses + ", " + copies.size() + " ids published, "
				+ duplicated.size() + " with more than one copy, " + (long) ambiguous
				+ " publishes whose confirm was lost, settled through the ledger " + settled);
	}

	/** Holds an outage for its length: a deliberate duration, not a wait for a condition. */
	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One webhook delivery as Genesys would make it.
	 */
	private record Delivery(String id, byte[] body, String signature, boolean signedRight) {
	}

	/**
	 * Every answer one delivery got, retries included.
	 */
	private record Result(String id, boolean signedRight, List<Answer> answers) {

		Answer last() {
			return this.answers.getLast();
		}

	}

}
