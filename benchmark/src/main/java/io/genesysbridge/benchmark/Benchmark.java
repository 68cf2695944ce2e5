package io.genesysbridge.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.Connection;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import org.springframework.boot.convert.DurationStyle;

import io.genesysbridge.fake.FakeGenesys;
import io.genesysbridge.fake.RecordedInbound;

/**
 * One benchmark run: its run-scoped world (queue names, Redis prefixes and tenant ids carry a
 * random run id, as in the backend's TestRun), the fake Genesys orgs, the processor, the bare
 * loop, the scenarios and the clean-up.
 */
final class Benchmark implements AutoCloseable {

	private static final String CONCURRENCY = "spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency";

	private static final String PREFETCH = "spring.cloud.stream.rabbit.bindings.inbound-in-0.consumer.prefetch";

	private static final List<String> DEFAULT_TIERS = List.of("1s", "5s", "30s", "2m", "10m");

	private final Options options;

	private final String commandLine;

	private final String runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

	private final Report report = new Report();

	// Run-scoped names.
	private final String q = "bench." + this.runId + ".";

	private final String inboundQueue = this.q + "genesys.outbound.ready";

	private final String workQueue = this.q + "work";

	private final String correlationQueue = this.q + "correlation-events";

	private final String deadLetterQueue = this.q + "genesys-api.dlq";

	private final String deadLetterExchange = this.q + "genesys-api.dlx";

	private final String mainDelayPrefix = this.q + "delay.";

	/** The diagnostic run declares its own tiers: theirs dead-letter to another work queue. */
	private final String directDelayPrefix = this.q + "direct.delay.";

	private String delayPrefix = this.mainDelayPrefix;

	/** The work queue of the diagnostic run without ordering: the processor consumes it directly. */
	private final String directQueue = this.q + "direct.work";

	/** Where the harness publishes for the processor: the contract queue, or the direct one. */
	private String intakeQueue = this.inboundQueue;

	private double bareThroughput;

	/** The bare loop's latencies by rate, measured once per rate. */
	private final Map<Integer, double[]> bareLatency = new java.util.HashMap<>();

	private final String bareIn = this.q + "bare.in";

	private final String bareOut = this.q + "bare.out";

	private final String[] webhookQueues = { this.q + "genesys-status-processed", this.q + "genesys-typing-events",
			this.q + "outbound-genesys-messages", this.q + "genesys-status-updates", this.q + "webhook-ledger" };

	private final String redisPrefix = "bench:" + this.runId + ":";

	private final String encryptionKey = randomKey();

	private final String rabbitHost = env("RABBITMQ_HOST", "127.0.0.1");

	private final int rabbitPort = Integer.parseInt(env("RABBITMQ_PORT", "5672"));

	private final String redisHost = env("REDIS_HOST", "127.0.0.1");

	private final int redisPort = Integer.parseInt(env("REDIS_PORT", "6379"));

	private final AtomicBoolean cleaned = new AtomicBoolean();

	private final long startNanos = System.nanoTime();

	private Broker broker;

	private Connection publishing;

	private Connection collecting;

	private Connection bareConnection;

	private FakeGenesys fake;

	/** Tenant A's own Genesys org in the isolation scenario, so only A's org can fail. */
	private FakeGenesys fakeA;

	/** Warm-up rounds whose rates lie within this share of each other count as steady. */
	private static final double STEADY = 0.05;

	private Processor processor;

	private EventCollector events;

	private EventCollector bareEvents;

	private BareLoop bare;

	private int concurrency;

	private final Map<String, String> machine = new LinkedHashMap<>();

	Benchmark(Options options, String commandLine) {
		this.options = options;
		this.commandLine = commandLine;
	}

	// ---------------------------------------------------------------- run

	boolean run() throws Exception {
		Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "benchmark-cleanup"));
		describeMachine();
		startInfrastructure();
		this.processor = Processor.start(processorProperties(Map.of()));
		this.concurrency = Integer.parseInt(this.processor.property(CONCURRENCY));
		this.machine.put("Processor", "consumer concurrency " + this.concurrency + ", prefetch "
				+ this.processor.property(PREFETCH) + " (application.yml defaults unless overridden below)");
		System.out.println("Processor started (run " + this.runId + ", consumer concurrency " + this.concurrency + ")");
		this.bare = new BareLoop(this.bareConnection, this.bareIn, this.bareOut, this.fake.baseUrl(), clientOf("bare"),
				secretOf("bare"), integrationOf("bare"));
		warmUp(this.options.warmup, true);
		if (!this.options.variantProperties.isEmpty()) {
			compare();
			return finish();
		}
		for (String scenario : this.options.only) {
			long started = System.nanoTime();
			System.out.println();
			System.out.println("== " + scenario + " (load average " + CpuSampler.loadAverage() + ")");
			switch (scenario) {
				case "throughput" -> throughput(null);
				case "latency" -> {
					latency(null, this.options.latencyRate);
					if (this.options.diagnostics && this.options.diagnosticLatencyRate > 0) {
						latency("unsaturated", this.options.diagnosticLatencyRate);
					}
				}
				case "slow" -> slowGenesys(this.concurrency, "defaults");
				case "ratelimit" -> rateLimit();
				case "isolation" -> isolation();
				default -> throw new IllegalStateException(scenario);
			}
			this.report.note(scenario + " took " + seconds(System.nanoTime() - started) + " s (load average after: "
					+ CpuSampler.loadAverage() + ")");
		}
		if (this.options.only.contains("slow") && this.options.slowTunedConcurrency > 0) {
			restart("slow, tuned: consumer concurrency " + this.options.slowTunedConcurrency,
					Map.of(CONCURRENCY, String.valueOf(this.options.slowTunedConcurrency)));
			long started = System.nanoTime();
			slowGenesys(this.options.slowTunedConcurrency, "tuned");
			this.report.note("slow (tuned) took " + seconds(System.nanoTime() - started) + " s");
		}
		if (this.options.diagnostics && (this.options.only.contains("throughput")
				|| this.options.only.contains("latency") || this.options.only.contains("slow"))) {
			// Ordering off: the work binding consumes the intake queue directly, no sequencer.
			this.intakeQueue = this.directQueue;
			this.delayPrefix = this.directDelayPrefix;
			restart("diagnostic: ordering off (no sequencer)", Map.of("app.ordering.enabled", "false",
					"app.queues.work", this.directQueue, "app.deferral.queue-prefix", this.directDelayPrefix));
			long started = System.nanoTime();
			if (this.options.only.contains("throughput")) {
				throughput("ordering off");
			}
			if (this.options.only.contains("latency")) {
				latency("ordering off", this.options.latencyRate);
			}
			this.report.note("diagnostic (ordering off) took " + seconds(System.nanoTime() - started) + " s");
			if (this.options.only.contains("slow") && this.options.slowTunedConcurrency > 0) {
				restart("diagnostic: ordering off, consumer concurrency " + this.options.slowTunedConcurrency,
						Map.of("app.ordering.enabled", "false", "app.queues.work", this.directQueue,
								"app.deferral.queue-prefix", this.directDelayPrefix, CONCURRENCY,
								String.valueOf(this.options.slowTunedConcurrency)));
				started = System.nanoTime();
				slowGenesys(this.options.slowTunedConcurrency, "ordering off, tuned");
				this.report.note("diagnostic (ordering off, tuned) took " + seconds(System.nanoTime() - started) + " s");
			}
		}
		return finish();
	}

	private boolean finish() throws IOException {
		this.report.note("Whole run: " + seconds(System.nanoTime() - this.startNanos) + " s");
		String text = this.report.text();
		System.out.println();
		System.out.println(text);
		writeResults();
		return this.report.allPassed();
	}

	private void restart(String what, Map<String, String> overrides) throws Exception {
		System.out.println();
		System.out.println("== " + what + ": restarting the processor");
		this.processor.close();
		this.processor = Processor.start(processorProperties(overrides));
		this.report.note("Processor restarted for " + what + " (" + overrides + ")");
		warmUp(this.options.warmup, false);
	}

	/** Samples the queues in front of the sequencer, the workers and the delay tiers. */
	private QueueDepths depths() {
		Map<String, List<String>> queues = new LinkedHashMap<>();
		queues.put("intake", List.of(this.intakeQueue));
		if (!this.intakeQueue.equals(this.directQueue)) {
			queues.put("work", List.of(this.workQueue));
		}
		queues.put("delay tiers", tiers().stream().map(this::delayQueue).toList());
		return new QueueDepths(this.broker, queues);
	}

	// ---------------------------------------------------------------- scenarios

	/**
	 * Warms both sides up until they are steady: the JIT compiles the processor's deep call paths
	 * (Spring, Reactor, tracing) slowly on two busy cores, and a fixed 5,000 messages left it at
	 * half its steady rate (a 50,000-message drain then mostly measured compilation). Each side
	 * drains rounds of {@code --warmup} messages until three rounds in a row lie within
	 * {@link #STEADY} of each other (at most {@code --warmup-max-rounds}); the rates go into the
	 * report.
	 * @param bareToo false after a processor restart: the bare loop is warm already
	 */
	private void warmUp(int messages, boolean bareToo) throws Exception {
		if (messages <= 0) {
			return;
		}
		String tenant = tenantId("tp");
		if (bareToo) {
			warmUpSide("bare loop", messages, () -> {
				Tracker round = track(this.bareEvents, "wu" + tag(), messages);
				preload(this.bareIn, round, tenant);
				long start = System.nanoTime();
				this.bare.start(bareInFlight());
				await(round, Duration.ofMinutes(5));
				this.bare.stop();
				return rate(round.receivedCount(), start, round.lastReceived());
			});
		}
		warmUpSide("processor", messages, () -> {
			Tracker round = track(this.events, "wu" + tag(), messages);
			this.processor.pauseIntake();
			preload(this.intakeQueue, round, tenant);
			long start = System.nanoTime();
			this.processor.resumeIntake();
			await(round, Duration.ofMinutes(5));
			return rate(round.receivedCount(), start, round.lastReceived());
		});
		this.broker.drainDeadLetters(this.deadLetterQueue);
	}

	private void warmUpSide(String side, int messages, WarmUpRound round) throws Exception {
		List<Double> rates = new ArrayList<>();
		while (rates.size() < this.options.warmupMaxRounds && !steady(rates)) {
			rates.add(round.run());
		}
		this.report.note("warm-up, " + side + ": "
				+ String.join(", ", rates.stream().map("%,.0f"::formatted).toList()) + " msg/s (rounds of " + messages
				+ " messages" + (steady(rates) ? "" : "; not steady yet") + ")");
	}

	/** Steady: the last three rounds' rates lie within {@link #STEADY} of each other. */
	private static boolean steady(List<Double> rates) {
		if (rates.size() < 3) {
			return false;
		}
		List<Double> last = rates.subList(rates.size() - 3, rates.size());
		double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		return min > 0 && max <= min * (1 + STEADY);
	}

	@FunctionalInterface
	private interface WarmUpRound {

		double run() throws Exception;

	}

	/**
	 * Scenario 1: drain a backlog with an instant fake, against the bare loop.
	 * @param variant null for the main run, else a diagnostic variant's name (the bare loop's
	 * figure from the main run is reused)
	 */
	private void throughput(String variant) throws Exception {
		int n = this.options.throughputMessages;
		String tenant = tenantId("tp");
		int inFlight = bareInFlight();
		if (variant == null || this.bareThroughput == 0) {
			Tracker bareRun = track(this.bareEvents, "tpbare" + tag(), n);
			preload(this.bareIn, bareRun, tenant);
			CpuSampler cpu = CpuSampler.start();
			long start = System.nanoTime();
			this.bare.start(inFlight);
			boolean bareDone = await(bareRun, timeoutFor(n, 200));
			this.bare.stop();
			this.bareThroughput = rate(bareRun.receivedCount(), start, bareRun.lastReceived());
			this.report.note("throughput, bare loop: " + cpu.summary() + "; " + cpuPerMessage(cpu, bareRun));
			noteBare("throughput", bareRun, bareDone);
		}

		String label = (variant != null) ? "throughput (" + variant + ")" : "throughput";
		Tracker run = track(this.events, "tpproc" + tag(), n);
		this.processor.pauseIntake();
		preload(this.intakeQueue, run, tenant);
		Map<String, Double> before = this.processor.counters();
		CpuSampler cpu = CpuSampler.start();
		QueueDepths depths = depths();
		long start = System.nanoTime();
		this.processor.resumeIntake();
		boolean done = await(run, timeoutFor(n, 100));
		double rate = rate(run.receivedCount(), start, run.lastReceived());
		depths.close();
		this.report.note(label + ", processor: " + cpu.summary() + "; " + cpuPerMessage(cpu, run) + "; "
				+ depths.summary());
		noteCounters(label, before);

		double ratio = rate / this.bareThroughput;
		String scenario = (variant != null) ? "diagnostic: " + variant : "1 throughput";
		this.report.add(scenario, n + " msgs, instant fake",
				"%,.0f msg/s (bare loop, in-flight %d)".formatted(this.bareThroughput, inFlight),
				"%,.0f msg/s = %.0f %% of bare".formatted(rate, ratio * 100), ">= 50 % of bare",
				(variant != null) ? Report.Verdict.INFO : verdict(done && ratio >= 0.5));
		exactlyOnce(scenario, this.fake, run);
	}

	/**
	 * A/B comparison on the throughput drain: the processor with the run's properties (A) and with
	 * {@code --variant} properties on top (B), restarted before each drain, in the order A B, B A,
	 * A B... so that drift of the shared machine and of the JVM falls on both sides. Reports each drain's rate
	 * and CPU per message (this JVM, RabbitMQ and Redis; the fake and the harness are in both),
	 * then the medians and their ratio.
	 */
	private void compare() throws Exception {
		Map<String, String> variant = this.options.variantProperties;
		List<double[]> a = new ArrayList<>();
		List<double[]> b = new ArrayList<>();
		// A B, B A, A B...: each restart in this JVM leaves the next processor a little slower
		// (seen as a steady drift over a run), so neither side may always go second.
		for (int round = 1; round <= this.options.compareRounds; round++) {
			boolean aFirst = (round % 2 == 1);
			for (boolean sideA : new boolean[] { aFirst, !aFirst }) {
				// Every drain gets a fresh processor, but the first (A, started and warmed up).
				if (round > 1 || !sideA) {
					restart("A/B round " + round + ", " + (sideA ? "A (defaults)" : "B " + variant),
							sideA ? Map.of() : variant);
				}
				(sideA ? a : b).add(drain(sideA ? "A" : "B", round));
			}
		}
		double[] medianA = medians(a);
		double[] medianB = medians(b);
		String sizes = this.options.compareMessages + " msgs x " + this.options.compareRounds;
		this.report.add("A/B", "A: defaults, median of " + sizes, "-",
				"%,.0f msg/s, %.2f ms CPU/msg".formatted(medianA[0], medianA[1]), "-", Report.Verdict.INFO);
		this.report.add("A/B", "B: " + variant + ", median of " + sizes, "-",
				"%,.0f msg/s, %.2f ms CPU/msg".formatted(medianB[0], medianB[1]), "-", Report.Verdict.INFO);
		this.report.add("A/B", "B against A", "-", "throughput x%.2f, CPU per message x%.2f"
			.formatted(medianB[0] / medianA[0], medianB[1] / medianA[1]), "-", Report.Verdict.INFO);
		List<String> perRound = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			perRound.add("x%.2f".formatted(b.get(i)[1] / a.get(i)[1]));
		}
		this.report.add("A/B", "B against A, CPU per message round by round", "-", String.join(", ", perRound), "-",
				Report.Verdict.INFO);
	}

	/** One throughput drain of the processor: {msg/s, ms of CPU per message}. */
	private double[] drain(String side, int round) throws Exception {
		int n = this.options.compareMessages;
		Tracker run = track(this.events, "ab" + side.toLowerCase(Locale.ROOT) + round + tag(), n);
		this.processor.pauseIntake();
		preload(this.intakeQueue, run, tenantId("tp"));
		CpuSampler cpu = CpuSampler.start();
		long start = System.nanoTime();
		this.processor.resumeIntake();
		boolean done = await(run, timeoutFor(n, 100));
		double rate = rate(run.receivedCount(), start, run.lastReceived());
		double cpuPerMessage = cpu.ownCpuSeconds() * 1000 / Math.max(1, run.receivedCount());
		this.report.note("A/B round %d, %s: %,.0f msg/s, %.2f ms CPU/msg%s; %s".formatted(round, side, rate,
				cpuPerMessage, done ? "" : " (incomplete)", cpu.summary()));
		exactlyOnce("A/B " + side + round, this.fake, run);
		return new double[] { rate, cpuPerMessage };
	}

	private static String cpuPerMessage(CpuSampler cpu, Tracker run) {
		return "%.2f ms CPU/msg (JVM, RabbitMQ, Redis)".formatted(
				cpu.ownCpuSeconds() * 1000 / Math.max(1, run.receivedCount()));
	}

	private static double[] medians(List<double[]> runs) {
		double[] medians = new double[2];
		for (int i = 0; i < 2; i++) {
			int index = i;
			double[] values = runs.stream().mapToDouble((r) -> r[index]).sorted().toArray();
			medians[i] = (values.length % 2 == 1) ? values[values.length / 2]
					: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
		}
		return medians;
	}

	/**
	 * Scenario 2: end-to-end latency at a fixed open-loop rate.
	 * @param variant as for {@link #throughput}
	 * @param rate messages per second
	 */
	private void latency(String variant, int rate) throws Exception {
		Duration total = this.options.latencyWarmup.plus(this.options.latencyDuration);
		int warm = (int) (rate * this.options.latencyWarmup.toMillis() / 1000);
		int n = (int) (rate * total.toMillis() / 1000);
		String tenant = tenantId("lat");
		if (!this.bareLatency.containsKey(rate)) {
			Tracker bareRun = track(this.bareEvents, "latbare" + tag(), n);
			this.bare.start(bareInFlight());
			CpuSampler cpu = CpuSampler.start();
			publishAtRate(this.bareIn, bareRun, tenant, rate, total);
			boolean bareDone = await(bareRun, Duration.ofMinutes(2));
			this.bare.stop();
			this.report.note("latency, bare loop: " + cpu.summary());
			noteBare("latency", bareRun, bareDone);
			this.bareLatency.put(rate, bareRun.latenciesMillis(warm));
		}
		double[] bareLatency = this.bareLatency.get(rate);

		String label = (variant != null) ? "latency (" + variant + ")" : "latency";
		Tracker run = track(this.events, "latproc" + tag(), n);
		Map<String, Double> before = this.processor.counters();
		CpuSampler cpu = CpuSampler.start();
		QueueDepths depths = depths();
		long start = System.nanoTime();
		int published = publishAtRate(this.intakeQueue, run, tenant, rate, total);
		double achieved = published / seconds(System.nanoTime() - start);
		boolean done = await(run, Duration.ofMinutes(2));
		depths.close();
		this.report.note(label + ", processor: " + cpu.summary() + "; " + cpuPerMessage(cpu, run) + "; "
				+ depths.summary());
		noteCounters(label, before);
		// "Added latency": the processor's end to end minus the fake's configured latency (none here).
		double fakeLatency = 0;
		double[] latency = run.latenciesMillis(warm);
		for (int i = 0; i < latency.length; i++) {
			latency[i] -= fakeLatency;
		}
		this.report.note(label + ": processor e2e ms p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f over %d msgs (publish rate achieved %.0f/s); bare loop p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f"
			.formatted(Stats.percentile(latency, 50), Stats.percentile(latency, 90), Stats.percentile(latency, 99),
					Stats.percentile(latency, 99.9), Stats.percentile(latency, 100), latency.length, achieved,
					Stats.percentile(bareLatency, 50), Stats.percentile(bareLatency, 99),
					Stats.percentile(bareLatency, 99.9), Stats.percentile(bareLatency, 100)));
		String scenario = (variant != null) ? "diagnostic: " + variant : "2 latency";
		String config = rate + " msg/s, " + this.options.latencyDuration.toSeconds() + " s";
		this.report.add(scenario, "p50 added latency, " + config,
				ms(Stats.percentile(bareLatency, 50)) + " (bare loop e2e)", ms(Stats.percentile(latency, 50)), "-",
				Report.Verdict.INFO);
		double p99 = Stats.percentile(latency, 99);
		this.report.add(scenario, "p99 added latency, " + config,
				ms(Stats.percentile(bareLatency, 99)) + " (bare loop e2e)", ms(p99), "<= 15 ms",
				(variant != null) ? Report.Verdict.INFO : verdict(done && p99 <= 15));
		exactlyOnce(scenario, this.fake, run);
	}

	private static Report.Verdict verdict(boolean pass) {
		return pass ? Report.Verdict.PASS : Report.Verdict.FAIL;
	}

	/** Scenario 3: a backlog against a slow Genesys; the bare loop gets the same in-flight budget. */
	private void slowGenesys(int consumers, String variant) throws Exception {
		int n = this.options.slowMessages;
		String tenant = tenantId("slow");
		this.fake.latency(this.options.slowLatency);
		try {
			Tracker bareRun = track(this.bareEvents, "slowbare" + tag(), n);
			preload(this.bareIn, bareRun, tenant);
			CpuSampler cpu = CpuSampler.start();
			long start = System.nanoTime();
			this.bare.start(consumers);
			boolean bareDone = await(bareRun, timeoutFor(n, 50));
			this.bare.stop();
			double bareRate = rate(bareRun.receivedCount(), start, bareRun.lastReceived());
			this.report.note("slow (" + variant + "), bare loop: " + cpu.summary());
			noteBare("slow", bareRun, bareDone);

			Tracker run = track(this.events, "slowproc" + tag(), n);
			this.processor.pauseIntake();
			preload(this.intakeQueue, run, tenant);
			Map<String, Double> before = this.processor.counters();
			cpu = CpuSampler.start();
			QueueDepths depths = depths();
			start = System.nanoTime();
			this.processor.resumeIntake();
			boolean done = await(run, timeoutFor(n, 50));
			double rate = rate(run.receivedCount(), start, run.lastReceived());
			depths.close();
			this.report.note("slow (" + variant + "), processor: " + cpu.summary() + "; " + depths.summary());
			noteCounters("slow (" + variant + ")", before);
			double bound = consumers / (this.options.slowLatency.toMillis() / 1000.0);
			boolean diagnostic = variant.startsWith("ordering off");
			String scenario = diagnostic ? "diagnostic: " + variant : "3 slow Genesys (" + variant + ")";
			this.report.add(scenario,
					"%d msgs, %d ms latency, concurrency %d (bound %,.0f/s)".formatted(n,
							this.options.slowLatency.toMillis(), consumers, bound),
					"%,.0f msg/s (bare loop, in-flight %d)".formatted(bareRate, consumers), "%,.0f msg/s".formatted(rate),
					">= 1,000 msg/s", diagnostic ? Report.Verdict.INFO : verdict(done && rate >= 1000));
			exactlyOnce(scenario, this.fake, run);
		}
		finally {
			this.fake.latency(Duration.ZERO);
		}
	}

	/** Scenario 4: a 50 msg/s tenant with a backlog, measured at the fake Genesys. */
	private void rateLimit() throws Exception {
		int n = this.options.rateLimitBacklog;
		int limit = this.options.rateLimitPerSecond;
		String tenant = tenantId("rl");
		Tracker run = track(this.events, "rl", n);
		this.processor.pauseIntake();
		preload(this.intakeQueue, run, tenant);
		Map<String, Double> before = this.processor.counters();
		CpuSampler cpu = CpuSampler.start();
		QueueDepths depths = depths();
		this.processor.resumeIntake();
		boolean done = await(run, timeoutFor(n, limit / 2).plus(Duration.ofMinutes(1)));
		depths.close();
		this.report.note("ratelimit: " + cpu.summary() + "; " + depths.summary());
		noteCounters("ratelimit", before);
		List<RecordedInbound> delivered = deliveredOf(this.fake, run);
		long[] at = delivered.stream()
			.mapToLong((r) -> r.receivedAt().getEpochSecond() * 1_000_000_000L + r.receivedAt().getNano())
			.toArray();
		long[] window = Stats.busiestWindow(at, 1_000_000_000L);
		int busiest = (int) window[0];
		double mean = Stats.meanRatePerSecond(at);
		long[] sorted = at.clone();
		java.util.Arrays.sort(sorted);
		double[] gaps = new double[Math.max(0, sorted.length - 1)];
		for (int i = 1; i < sorted.length; i++) {
			gaps[i - 1] = (sorted[i] - sorted[i - 1]) / 1e6;
		}
		int largest = 0;
		for (int i = 1; i < gaps.length; i++) {
			largest = (gaps[i] > gaps[largest]) ? i : largest;
		}
		StringBuilder perTen = new StringBuilder();
		if (sorted.length > 0) {
			int[] buckets = new int[(int) ((sorted[sorted.length - 1] - sorted[0]) / 10_000_000_000L) + 1];
			for (long x : sorted) {
				buckets[(int) ((x - sorted[0]) / 10_000_000_000L)]++;
			}
			for (int count : buckets) {
				perTen.append((perTen.length() > 0) ? " " : "").append(count);
			}
		}
		this.report.note("ratelimit: calls at Genesys per 10 s: " + perTen + "; the largest gap starts %.1f s after the first call"
			.formatted((gaps.length > 0) ? (sorted[largest] - sorted[0]) / 1e9 : 0));
		this.report.note("ratelimit: gaps between calls at Genesys ms: min %.1f, p1 %.1f, p50 %.1f, p99 %.1f, max %.1f (the limit spaces them %.1f ms apart); first to last call %.1f s; the busiest window starts %.1f s after the first call"
			.formatted(Stats.percentile(gaps, 0.001), Stats.percentile(gaps, 1), Stats.percentile(gaps, 50),
					Stats.percentile(gaps, 99), Stats.percentile(gaps, 100), 1000.0 / limit,
					(sorted.length > 1) ? (sorted[sorted.length - 1] - sorted[0]) / 1e9 : 0,
					(sorted.length > 0) ? (window[1] - sorted[0]) / 1e9 : 0));
		double ceiling = limit * 1.05;
		String config = "%d msg/s, burst %d, %d backlog".formatted(limit, this.options.rateLimitBurst, n);
		this.report.add("4 rate limit", "most calls in any 1 s window at Genesys (" + config + ")",
				limit + " (the limit)", String.valueOf(busiest), "<= %.1f".formatted(ceiling), done && busiest <= ceiling);
		this.report.add("4 rate limit", "mean rate at Genesys", limit + " msg/s",
				"%.2f msg/s (%.1f %%)".formatted(mean, mean * 100 / limit), ">= %.1f msg/s".formatted(limit * 0.95),
				done && mean >= limit * 0.95);
		exactlyOnce("4 rate limit", this.fake, run);
	}

	/**
	 * Scenario 5: tenant B's latency alone, then while tenant A floods at 20x its limit and
	 * then A's Genesys org answers 503 for a while.
	 */
	private void isolation() throws Exception {
		int bRate = this.options.isolationBRate;
		String a = tenantId("isoa");
		String b = tenantId("isob");
		int aRate = this.options.isolationALimitPerSecond * this.options.isolationFloodFactor;

		Tracker alone = track(this.events, "isobalone", (int) (bRate * this.options.isolationBaseline.toSeconds()) + 1);
		publishAtRate(this.intakeQueue, alone, b, bRate, this.options.isolationBaseline);
		boolean aloneDone = await(alone, Duration.ofMinutes(1));
		double[] aloneLatency = alone.latenciesMillis();

		Duration bDuration = this.options.isolationFlood.plus(this.options.isolationOutage)
			.plus(this.options.isolationTail);
		Tracker stressed = track(this.events, "isobstress", (int) (bRate * bDuration.toSeconds()) + 1);
		Tracker flood = track(this.events, "isoa", (int) (aRate * this.options.isolationFlood.toSeconds()) + 1);
		Map<String, Double> before = this.processor.counters();
		CpuSampler cpu = CpuSampler.start();
		QueueDepths depths = depths();
		CompletableFuture<Integer> bSending = CompletableFuture
			.supplyAsync(() -> publishAtRateUnchecked(this.intakeQueue, stressed, b, bRate, bDuration));
		CompletableFuture<Integer> aSending = CompletableFuture
			.supplyAsync(() -> publishAtRateUnchecked(this.intakeQueue, flood, a, aRate, this.options.isolationFlood));
		int aPublished = aSending.join();
		int aDeliveredByFloodEnd = flood.receivedCount();
		this.fakeA.failRandomly(1.0, 503, 42);
		long outageStart = System.nanoTime();
		System.out.println("  A's org answers 503 for " + this.options.isolationOutage.toSeconds() + " s");
		Thread.sleep(this.options.isolationOutage.toMillis());
		this.fakeA.failRandomly(0, 503, 42);
		long outageEnd = System.nanoTime();
		int aDeliveredByOutageEnd = flood.receivedCount();
		bSending.join();
		boolean stressedDone = await(stressed, Duration.ofMinutes(2));
		double[] stressedLatency = stressed.latenciesMillis();
		this.report.note("isolation, B under A's flood and outage: " + cpu.summary());
		QueueDepths drainDepths = depths();
		System.out.println("  B done; waiting up to " + this.options.drainTimeout.toMinutes() + " min for A's "
				+ (aPublished - flood.receivedCount()) + " remaining messages");
		boolean aDone = await(flood, this.options.drainTimeout);
		depths.close();
		drainDepths.close();
		this.report.note("isolation, from the flood to A's last message: " + depths.summary()
				+ "; after B stopped: " + drainDepths.summary());
		noteCounters("isolation", before);
		double aDrain = seconds(flood.lastReceived() - outageEnd);

		double aloneP99 = Stats.percentile(aloneLatency, 99);
		double stressedP99 = Stats.percentile(stressedLatency, 99);
		this.report.note("isolation: B alone p50 %.1f / p99 %.1f / max %.1f ms (%d msgs); B stressed p50 %.1f / p99 %.1f / max %.1f ms (%d msgs); A: %d published at %d/s (limit %d/s), %d delivered by the end of the flood, %d by the end of the outage (%.0f s after the flood), all %s %.0f s after the outage ended"
			.formatted(Stats.percentile(aloneLatency, 50), aloneP99, Stats.percentile(aloneLatency, 100),
					aloneLatency.length, Stats.percentile(stressedLatency, 50), stressedP99,
					Stats.percentile(stressedLatency, 100), stressedLatency.length, aPublished, aRate,
					this.options.isolationALimitPerSecond, aDeliveredByFloodEnd, aDeliveredByOutageEnd,
					seconds(outageEnd - outageStart), aDone ? "delivered" : "NOT delivered", aDrain));
		this.report.add("5 isolation",
				"B p99 (B %d msg/s; A %d msg/s = %dx its limit for %d s, then A's org 503 for %d s)".formatted(bRate,
						aRate, this.options.isolationFloodFactor, this.options.isolationFlood.toSeconds(),
						this.options.isolationOutage.toSeconds()),
				ms(aloneP99) + " (B alone)", ms(stressedP99) + " (%+.0f ms)".formatted(stressedP99 - aloneP99),
				"<= B alone + 50 ms", aloneDone && stressedDone && stressedP99 <= aloneP99 + 50);
		this.report.add("5 isolation", "A's backlog delivered after the outage", "-",
				aDone ? "%.0f s after the 503s stopped".formatted(aDrain) : "not within " + this.options.drainTimeout,
				"-", Report.Verdict.INFO);
		exactlyOnce("5 isolation", this.fake, alone, stressed);
		exactlyOnce("5 isolation (A)", this.fakeA, flood);
	}

	// ---------------------------------------------------------------- measuring helpers

	private int bareInFlight() {
		return (this.options.bareInFlight > 0) ? this.options.bareInFlight : this.concurrency;
	}

	private int tagCounter;

	/** A suffix keeping tags unique when a scenario runs twice. */
	private String tag() {
		return String.valueOf(++this.tagCounter);
	}

	private Tracker track(EventCollector collector, String tag, int capacity) {
		Tracker tracker = new Tracker(this.runId, tag, capacity);
		collector.track(tracker);
		return tracker;
	}

	private void preload(String queue, Tracker tracker, String tenant) throws Exception {
		try (Broker.Publisher publisher = new Broker.Publisher(this.publishing)) {
			publisher.preload(queue, tracker, tracker.capacity(),
					(i) -> Envelopes.inbound(tenant, tracker, i, this.options.customers));
		}
	}

	private int publishAtRate(String queue, Tracker tracker, String tenant, int rate, Duration duration)
			throws Exception {
		try (Broker.Publisher publisher = new Broker.Publisher(this.publishing)) {
			return publisher.publishAtRate(queue, tracker, 0, rate, duration,
					(i) -> Envelopes.inbound(tenant, tracker, i, this.options.customers), () -> false);
		}
	}

	private int publishAtRateUnchecked(String queue, Tracker tracker, String tenant, int rate, Duration duration) {
		try {
			return publishAtRate(queue, tracker, tenant, rate, duration);
		}
		catch (Exception ex) {
			throw new IllegalStateException("publishing failed", ex);
		}
	}

	private boolean await(Tracker tracker, Duration timeout) throws InterruptedException {
		boolean done = tracker.awaitAll(timeout);
		if (!done) {
			System.out.println("  ! " + tracker.tag() + ": only " + tracker.receivedCount() + " of "
					+ tracker.published() + " events within " + timeout);
		}
		return done;
	}

	private static Duration timeoutFor(int messages, int slowestRate) {
		return Duration.ofSeconds(60 + messages / Math.max(1, slowestRate));
	}

	private static double rate(int count, long startNanos, long lastNanos) {
		return (lastNanos > startNanos) ? count / ((lastNanos - startNanos) / 1e9) : 0;
	}

	private static double seconds(long nanos) {
		return Math.round(nanos / 1e8) / 10.0;
	}

	private static String ms(double millis) {
		return "%.1f ms".formatted(millis);
	}

	private static List<RecordedInbound> deliveredOf(FakeGenesys org, Tracker tracker) {
		String prefix = tracker.wamidPrefix();
		return org.inboundMessages()
			.stream()
			.filter((r) -> r.channelMessageId() != null && r.channelMessageId().startsWith(prefix))
			.toList();
	}

	/**
	 * Every published message reached Genesys exactly once, and nothing was dead-lettered. Also
	 * reports duplicate correlation events (allowed: events are at-least-once).
	 */
	private void exactlyOnce(String scenario, FakeGenesys org, Tracker... trackers) throws Exception {
		Thread.sleep(500);
		int published = 0;
		int distinct = 0;
		int duplicates = 0;
		int events = 0;
		int duplicateEvents = 0;
		for (Tracker tracker : trackers) {
			Map<String, Integer> counts = new TreeMap<>();
			for (RecordedInbound r : deliveredOf(org, tracker)) {
				counts.merge(r.channelMessageId(), 1, Integer::sum);
			}
			published += tracker.published();
			distinct += counts.size();
			duplicates += counts.values().stream().mapToInt((c) -> c - 1).sum();
			events += tracker.receivedCount();
			duplicateEvents += tracker.duplicateEvents();
		}
		Map<String, Integer> deadLetters = this.broker.drainDeadLetters(this.deadLetterQueue);
		int dead = deadLetters.values().stream().mapToInt(Integer::intValue).sum();
		int missing = published - distinct;
		String result = "%,d/%,d once, %d duplicates, %d missing; %,d events (%d repeated); DLQ %d%s".formatted(distinct,
				published, duplicates, missing, events, duplicateEvents, dead, dead > 0 ? " " + deadLetters : "");
		this.report.add(scenario, "exactly once at Genesys, no dead letters", "-", result,
				"all once, DLQ 0", duplicates == 0 && missing == 0 && dead == 0);
	}

	private void noteBare(String scenario, Tracker tracker, boolean done) {
		this.report.note(scenario + ", bare loop: " + tracker.receivedCount() + "/" + tracker.published()
				+ " events" + (done ? "" : " (INCOMPLETE)") + ", " + this.bare.failures() + " failed calls so far");
	}

	private void noteCounters(String scenario, Map<String, Double> before) {
		Map<String, Double> after = this.processor.counters();
		List<String> changes = new ArrayList<>();
		after.forEach((name, value) -> {
			double delta = value - before.getOrDefault(name, 0.0);
			if (delta != 0 && !name.startsWith("genesysbridge.genesys.token")) {
				changes.add(name.replace("genesysbridge.", "") + " " + Math.round(delta));
			}
		});
		this.report.note(scenario + ", processor counters: " + String.join(", ", changes));
	}

	// ---------------------------------------------------------------- set-up

	private void describeMachine() {
		this.machine.put("Date", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
		this.machine.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores (nproc)");
		this.machine.put("Memory", memory());
		this.machine.put("JDK", CpuSampler.jvm());
		this.machine.put("Load average at start", CpuSampler.loadAverage());
	}

	private void startInfrastructure() throws Exception {
		this.broker = new Broker(this.rabbitHost, this.rabbitPort, "guest", "guest");
		this.publishing = this.broker.newConnection("benchmark-publish");
		this.collecting = this.broker.newConnection("benchmark-collect");
		this.bareConnection = this.broker.newConnection("benchmark-bare-loop");
		this.machine.put("RabbitMQ", String.valueOf(this.publishing.getServerProperties().get("version")));
		this.machine.put("Redis", redisVersion());
		this.fake = FakeGenesys.startWithoutJournal();
		this.fakeA = FakeGenesys.startWithoutJournal();
		for (String name : new String[] { "tp", "lat", "slow", "rl", "isob", "bare" }) {
			this.fake.registerClient(clientOf(name), secretOf(name));
			this.fake.registerIntegration(integrationOf(name));
		}
		this.fakeA.registerClient(clientOf("isoa"), secretOf("isoa"));
		this.fakeA.registerIntegration(integrationOf("isoa"));
		// The correlation queue is declared by the processor (required group); declare it first so
		// the collector can consume it before the processor starts.
		this.broker.declareQueue(this.correlationQueue);
		this.broker.declareQueue(this.bareIn);
		this.broker.declareQueue(this.bareOut);
		this.events = new EventCollector(this.collecting, this.correlationQueue);
		this.bareEvents = new EventCollector(this.collecting, this.bareOut);
		System.out.println("Run " + this.runId + ": fake Genesys at " + this.fake.baseUrl() + " (A's org at "
				+ this.fakeA.baseUrl() + ")");
	}

	private Map<String, String> processorProperties(Map<String, String> extra) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("server.port", "0");
		p.put("management.server.port", "0");
		p.put("spring.rabbitmq.host", this.rabbitHost);
		p.put("spring.rabbitmq.port", String.valueOf(this.rabbitPort));
		p.put("spring.data.redis.host", this.redisHost);
		p.put("spring.data.redis.port", String.valueOf(this.redisPort));
		p.put("app.queues.inbound", this.inboundQueue);
		p.put("app.queues.work", this.workQueue);
		p.put("app.queues.correlation", this.correlationQueue);
		p.put("app.queues.dead-letter", this.deadLetterQueue);
		p.put("app.queues.dead-letter-exchange", this.deadLetterExchange);
		p.put("app.queues.status-processed", this.webhookQueues[0]);
		p.put("app.queues.typing", this.webhookQueues[1]);
		p.put("app.queues.outbound-messages", this.webhookQueues[2]);
		p.put("app.queues.status-updates", this.webhookQueues[3]);
		p.put("app.queues.webhook-ledger", this.webhookQueues[4]);
		p.put("app.deferral.queue-prefix", this.delayPrefix);
		p.put("app.ordering.key-prefix", this.redisPrefix + "order:");
		p.put("app.ratelimit.key-prefix", this.redisPrefix + "rl:");
		p.put("app.circuit.key-prefix", this.redisPrefix + "circuit:");
		p.put("app.pause.key-prefix", this.redisPrefix + "paused:");
		p.put("app.tenants.key-prefix", this.redisPrefix + "tenant:");
		p.put("app.tenants.encryption-key", this.encryptionKey);
		p.put("app.api.redis-key-prefix", this.redisPrefix + "apikey:");
		p.put("app.webhook.dedupe-key-format", this.redisPrefix + "webhook:%1$s:%2$s");
		p.put("app.webhook.ledger-lock-key", this.redisPrefix + "webhook:ledger-lock");
		p.put("app.receipts.message-key-format", this.redisPrefix + "agent-message:%s");
		p.put("app.receipts.status-key-format", this.redisPrefix + "receipt-status:%s");
		// Each tenant has its own OAuth client here; lift the per-client budget (default 300/min,
		// Genesys's per-token limit) so the tenant limits are what is measured.
		p.put("app.ratelimit.client-per-minute", "600000");
		p.put("app.ratelimit.client-burst", "1000");
		p.put("logging.level.root", "WARN");
		// The bridge's own INFO lines are one per failed attempt, never one per message.
		p.put("logging.level.io.genesysbridge", "INFO");
		p.put("logging.threshold.console", "ERROR");
		p.put("logging.file.name", Path.of(outputDirectory(), "processor-" + this.runId + ".log").toString());
		int index = 0;
		int unlimited = 600_000;
		index = seed(p, index, "tp", this.fake, unlimited, 1000);
		index = seed(p, index, "lat", this.fake, unlimited, 1000);
		index = seed(p, index, "slow", this.fake, unlimited, 1000);
		index = seed(p, index, "rl", this.fake, this.options.rateLimitPerSecond * 60, this.options.rateLimitBurst);
		index = seed(p, index, "isob", this.fake, unlimited, 1000);
		seed(p, index, "isoa", this.fakeA, this.options.isolationALimitPerSecond * 60, 1);
		p.putAll(this.options.processorProperties);
		p.putAll(extra);
		return p;
	}

	private int seed(Map<String, String> p, int index, String name, FakeGenesys org, int perMinute, int burst) {
		String prefix = "app.tenants.seed[" + index + "].";
		p.put(prefix + "id", tenantId(name));
		p.put(prefix + "api-base-url", org.baseUrl());
		p.put(prefix + "login-base-url", org.baseUrl());
		p.put(prefix + "client-id", clientOf(name));
		p.put(prefix + "client-secret", secretOf(name));
		p.put(prefix + "integration-ids[0]", integrationOf(name));
		p.put(prefix + "rate-limit-per-minute", String.valueOf(perMinute));
		p.put(prefix + "rate-limit-burst", String.valueOf(burst));
		return index + 1;
	}

	private String tenantId(String name) {
		return "bench-" + this.runId + "-" + name;
	}

	private String clientOf(String name) {
		return "client-" + tenantId(name);
	}

	private String secretOf(String name) {
		return "secret-" + tenantId(name);
	}

	private String integrationOf(String name) {
		return "integration-" + tenantId(name);
	}

	// ---------------------------------------------------------------- output and clean-up

	private void writeResults() throws IOException {
		StringBuilder out = new StringBuilder("# Benchmark results (run " + this.runId + ")\n\n");
		out.append("Command: `bin/benchmark").append(this.commandLine.isBlank() ? "" : " " + this.commandLine)
			.append("`\n\n");
		this.machine.put("Load average at end", CpuSampler.loadAverage());
		this.machine.forEach((key, value) -> out.append("- ").append(key).append(": ").append(value).append('\n'));
		if (!this.options.processorProperties.isEmpty()) {
			out.append("- Processor overrides: ").append(this.options.processorProperties).append('\n');
		}
		out.append('\n').append(this.report.markdown());
		Path file = Path.of(outputDirectory(), "benchmark-results.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out.toString());
		System.out.println("Results written to " + file);
	}

	private static String outputDirectory() {
		return System.getProperty("benchmark.output", "benchmark/target");
	}

	@Override
	public void close() {
		cleanUp();
	}

	private void cleanUp() {
		if (!this.cleaned.compareAndSet(false, true)) {
			return;
		}
		System.out.println("Cleaning up run " + this.runId);
		quietly(() -> {
			if (this.bare != null) {
				this.bare.close();
			}
		});
		quietly(() -> {
			if (this.processor != null) {
				this.processor.close();
			}
		});
		quietly(() -> {
			if (this.events != null) {
				this.events.close();
				this.bareEvents.close();
			}
		});
		if (this.broker != null) {
			for (String queue : new String[] { this.inboundQueue, this.workQueue, this.correlationQueue,
					this.deadLetterQueue, this.bareIn, this.bareOut }) {
				this.broker.deleteQueue(queue);
			}
			for (String queue : this.webhookQueues) {
				this.broker.deleteQueue(queue);
			}
			for (String tier : tiers()) {
				this.broker.deleteQueue(this.mainDelayPrefix + millis(tier));
				this.broker.deleteQueue(this.directDelayPrefix + millis(tier));
			}
			this.broker.deleteQueue(this.directQueue);
			for (String exchange : new String[] { this.inboundQueue, this.workQueue, this.correlationQueue,
					this.deadLetterExchange, this.webhookQueues[0], this.webhookQueues[1], this.directQueue }) {
				this.broker.deleteExchange(exchange);
			}
			quietly(() -> {
				this.publishing.close();
				this.collecting.close();
				this.bareConnection.close();
				this.broker.close();
			});
		}
		quietly(this::deleteRedisKeys);
		quietly(() -> {
			if (this.fake != null) {
				this.fake.close();
				this.fakeA.close();
			}
		});
	}

	private List<String> tiers() {
		String configured = this.options.processorProperties.get("app.deferral.tiers");
		return (configured != null) ? List.of(configured.split(",")) : DEFAULT_TIERS;
	}

	private String delayQueue(String tier) {
		return this.delayPrefix + millis(tier);
	}

	private static long millis(String tier) {
		return DurationStyle.detectAndParse(tier.trim()).toMillis();
	}

	private void deleteRedisKeys() {
		RedisClient client = RedisClient.create("redis://" + this.redisHost + ":" + this.redisPort);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			for (String pattern : new String[] { this.redisPrefix + "*", "tenant:bench-" + this.runId + "-*",
					"genesys:dedupe:bench-" + this.runId + "-*" }) {
				ScanCursor cursor = ScanCursor.INITIAL;
				do {
					KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(5000));
					if (!page.getKeys().isEmpty()) {
						redis.unlink(page.getKeys().toArray(String[]::new));
					}
					cursor = page;
				}
				while (!cursor.isFinished());
			}
		}
		finally {
			client.shutdown();
		}
	}

	private String redisVersion() {
		RedisClient client = RedisClient.create("redis://" + this.redisHost + ":" + this.redisPort);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			for (String line : connection.sync().info("server").split("\r?\n")) {
				if (line.startsWith("redis_version:")) {
					return line.substring("redis_version:".length());
				}
			}
			return "?";
		}
		finally {
			client.shutdown();
		}
	}

	private interface Step {

		void run() throws Exception;

	}

	private static void quietly(Step step) {
		try {
			step.run();
		}
		catch (Exception ex) {
			System.out.println("  (clean-up: " + ex + ")");
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.map((line) -> "%.1f GiB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
