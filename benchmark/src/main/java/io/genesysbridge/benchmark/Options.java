package io.genesysbridge.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/**
 * Command-line settings. Every scenario's size is a flag; {@code --quick} switches to small
 * sizes (a smoke run), and flags given after it still win.
 */
final class Options {

	static final List<String> SCENARIOS = List.of("throughput", "latency", "slow", "ratelimit", "isolation");

	boolean quick;

	Set<String> only = new LinkedHashSet<>(SCENARIOS);

	/** Distinct customers (conversations) per tenant; messages go round-robin over them. */
	int customers = 1000;

	/** Messages per warm-up round of each side (processor, bare loop); rounds repeat until steady. */
	int warmup = 10_000;

	/** Most warm-up rounds per side, steady or not. */
	int warmupMaxRounds = 12;

	int throughputMessages = 50_000;

	/** In-flight budget of the bare loop; 0 means the processor's consumer concurrency. */
	int bareInFlight = 0;

	int latencyRate = 500;

	Duration latencyWarmup = Duration.ofSeconds(5);

	Duration latencyDuration = Duration.ofSeconds(60);

	Duration slowLatency = Duration.ofMillis(200);

	int slowMessages = 10_000;

	/** Consumer concurrency of a second processor run of the slow scenario; 0 skips it. */
	int slowTunedConcurrency = 512;

	int rateLimitPerSecond = 50;

	int rateLimitBurst = 1;

	int rateLimitBacklog = 5000;

	int isolationALimitPerSecond = 10;

	int isolationFloodFactor = 20;

	Duration isolationFlood = Duration.ofSeconds(10);

	Duration isolationOutage = Duration.ofSeconds(30);

	Duration isolationTail = Duration.ofSeconds(10);

	int isolationBRate = 20;

	Duration isolationBaseline = Duration.ofSeconds(30);

	/** Also run throughput and latency with ordering off (no sequencer), to show its share. */
	boolean diagnostics = true;

	/** Diagnostic latency run at a rate the processor sustains (0 skips it). */
	int diagnosticLatencyRate = 100;

	/** How long to wait for a scenario's last messages (A's backlog in the isolation scenario). */
	Duration drainTimeout = Duration.ofMinutes(20);

	/**
	 * Processor properties of an A/B comparison ({@code --variant=key=value}, repeatable): when
	 * any is given, the run compares the defaults (A) with them (B) on the throughput drain
	 * instead of running the scenarios.
	 */
	Map<String, String> variantProperties = new LinkedHashMap<>();

	/** Rounds of an A/B comparison, A B, B A, A B...: a processor restart before each drain. */
	int compareRounds = 3;

	/** Messages drained by each side in each round of an A/B comparison. */
	int compareMessages = 10_000;

	/** Extra processor properties, {@code --prop=key=value}, applied last. */
	Map<String, String> processorProperties = new LinkedHashMap<>();

	static Options parse(String... args) {
		Options options = new Options();
		for (String arg : args) {
			if (arg.equals("--quick")) {
				options.quick();
			}
		}
		for (String arg : args) {
			if (arg.equals("--quick")) {
				continue;
			}
			if (arg.equals("--help") || arg.equals("-h")) {
				System.out.println(usage());
				System.exit(0);
			}
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("unknown argument " + arg + "\n" + usage());
			}
			String key = arg.substring(2, arg.indexOf('='));
			String value = arg.substring(arg.indexOf('=') + 1);
			options.set(key, value);
		}
		return options;
	}

	private void quick() {
		this.quick = true;
		this.customers = 200;
		this.warmup = 500;
		this.warmupMaxRounds = 3;
		this.throughputMessages = 1500;
		this.latencyWarmup = Duration.ofSeconds(1);
		this.latencyDuration = Duration.ofSeconds(3);
		this.slowMessages = 1000;
		this.slowTunedConcurrency = 0;
		this.diagnostics = false;
		this.rateLimitBacklog = 250;
		this.isolationALimitPerSecond = 5;
		this.isolationFlood = Duration.ofSeconds(1);
		this.isolationOutage = Duration.ofSeconds(5);
		this.isolationTail = Duration.ofSeconds(2);
		this.isolationBaseline = Duration.ofSeconds(5);
		this.drainTimeout = Duration.ofMinutes(3);
		// Short delay tiers, so A's backlog is not parked for the default 2 m/10 m tiers.
		this.processorProperties.put("app.deferral.tiers", "1s,2s,5s");
	}

	private void set(String key, String value) {
		switch (key) {
			case "only" -> {
				this.only = new LinkedHashSet<>(List.of(value.split(",")));
				for (String name : this.only) {
					if (!SCENARIOS.contains(name)) {
						throw new IllegalArgumentException("unknown scenario " + name + "; known: " + SCENARIOS);
					}
				}
			}
			case "customers" -> this.customers = Integer.parseInt(value);
			case "warmup" -> this.warmup = Integer.parseInt(value);
			case "warmup-max-rounds" -> this.warmupMaxRounds = Integer.parseInt(value);
			case "throughput-messages" -> this.throughputMessages = Integer.parseInt(value);
			case "bare-in-flight" -> this.bareInFlight = Integer.parseInt(value);
			case "latency-rate" -> this.latencyRate = Integer.parseInt(value);
			case "latency-warmup" -> this.latencyWarmup = duration(value);
			case "latency-duration" -> this.latencyDuration = duration(value);
			case "slow-latency" -> this.slowLatency = duration(value);
			case "slow-messages" -> this.slowMessages = Integer.parseInt(value);
			case "slow-tuned-concurrency" -> this.slowTunedConcurrency = Integer.parseInt(value);
			case "ratelimit-per-second" -> this.rateLimitPerSecond = Integer.parseInt(value);
			case "ratelimit-burst" -> this.rateLimitBurst = Integer.parseInt(value);
			case "ratelimit-backlog" -> this.rateLimitBacklog = Integer.parseInt(value);
			case "isolation-a-limit" -> this.isolationALimitPerSecond = Integer.parseInt(value);
			case "isolation-flood-factor" -> this.isolationFloodFactor = Integer.parseInt(value);
			case "isolation-flood" -> this.isolationFlood = duration(value);
			case "isolation-outage" -> this.isolationOutage = duration(value);
			case "isolation-tail" -> this.isolationTail = duration(value);
			case "isolation-b-rate" -> this.isolationBRate = Integer.parseInt(value);
			case "isolation-baseline" -> this.isolationBaseline = duration(value);
			case "drain-timeout" -> this.drainTimeout = duration(value);
			case "diagnostics" -> this.diagnostics = Boolean.parseBoolean(value);
			case "diagnostic-latency-rate" -> this.diagnosticLatencyRate = Integer.parseInt(value);
			case "prop" -> putProperty(this.processorProperties, "--prop", value);
			case "variant" -> putProperty(this.variantProperties, "--variant", value);
			case "compare-rounds" -> this.compareRounds = Integer.parseInt(value);
			case "compare-messages" -> this.compareMessages = Integer.parseInt(value);
			default -> throw new IllegalArgumentException("unknown option --" + key + "\n" + usage());
		}
	}

	private static void putProperty(Map<String, String> properties, String option, String value) {
		int eq = value.indexOf('=');
		if (eq <= 0) {
			throw new IllegalArgumentException(option + " needs key=value, was " + value);
		}
		properties.put(value.substring(0, eq), value.substring(eq + 1));
	}

	private static Duration duration(String value) {
		return DurationStyle.detectAndParse(value);
	}

	static String usage() {
		return """
				Usage: bin/benchmark [--quick] [--option=value ...]
				  --quick                      small sizes (smoke run, about 2 minutes; short delay tiers)
				  --only=a,b                   scenarios: throughput,latency,slow,ratelimit,isolation
				  --customers=1000             conversations per tenant (messages round-robin over them)
				  --warmup=10000               messages per warm-up round; each side repeats rounds until
				                               three in a row are within 5 % of each other (the JIT is
				                               done), at most --warmup-max-rounds=12
				  --throughput-messages=50000  backlog drained by the processor and by the bare loop
				  --bare-in-flight=0           bare loop's in-flight budget (0: the processor's concurrency)
				  --latency-rate=500           msg/s of the latency scenario
				  --latency-warmup=5s --latency-duration=60s
				  --slow-latency=200ms --slow-messages=10000
				  --slow-tuned-concurrency=512 second processor run of the slow scenario (0: skip)
				  --ratelimit-per-second=50 --ratelimit-burst=1 --ratelimit-backlog=5000
				  --isolation-a-limit=10 --isolation-flood-factor=20 --isolation-flood=10s
				  --isolation-outage=30s --isolation-tail=10s --isolation-b-rate=20 --isolation-baseline=30s
				  --drain-timeout=20m          longest wait for a scenario's last messages
				  --diagnostics=true           extra, untargeted runs: latency at --diagnostic-latency-rate=100,
				                               throughput, latency and the tuned slow run with ordering off
				  --prop=key=value             extra processor property (repeatable), e.g.
				                               --prop=spring.cloud.stream.bindings.inbound-in-0.consumer.concurrency=128
				  --variant=key=value          A/B comparison instead of the scenarios (repeatable): drains
				                               --compare-messages=10000 with the defaults (A) and with these
				                               properties (B), in rounds A B, B A, A B (--compare-rounds=3),
				                               and reports msg/s and CPU per message of both
				""";
	}

}
