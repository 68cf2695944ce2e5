package io.genesysbridge.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a scenario (Linux {@code /proc}): this JVM (processor,
 * fake Genesys and harness together), RabbitMQ, Redis, and everything else (the machine is
 * shared: other builds show up there). Figures are cores busy on average.
 */
final class CpuSampler {

	private static final double TICKS_PER_SECOND = 100.0;

	private final long startNanos;

	private final long machineBusyStart;

	private final long machineTotalStart;

	private final Map<String, Long> processStart;

	private CpuSampler() {
		this.startNanos = System.nanoTime();
		long[] machine = machineTicks();
		this.machineBusyStart = machine[0];
		this.machineTotalStart = machine[1];
		this.processStart = processTicks();
	}

	static CpuSampler start() {
		return new CpuSampler();
	}

	/** @return e.g. "machine 1.92/2 cores busy: this JVM 1.20, RabbitMQ 0.45, Redis 0.08, other 0.19" */
	String summary() {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		if (seconds <= 0) {
			return "";
		}
		int cores = Runtime.getRuntime().availableProcessors();
		long[] machine = machineTicks();
		double busyShare = (machine[1] > this.machineTotalStart)
				? (double) (machine[0] - this.machineBusyStart) / (machine[1] - this.machineTotalStart) : 0;
		double busyCores = busyShare * cores;
		Map<String, Long> now = processTicks();
		StringBuilder text = new StringBuilder("CPU: machine %.2f/%d cores busy".formatted(busyCores, cores));
		double ours = 0;
		String separator = ": ";
		for (Map.Entry<String, Long> entry : now.entrySet()) {
			double cpu = (entry.getValue() - this.processStart.getOrDefault(entry.getKey(), 0L)) / TICKS_PER_SECOND
					/ seconds;
			ours += cpu;
			text.append(separator).append(entry.getKey()).append(" %.2f".formatted(cpu));
			separator = ", ";
		}
		text.append(", other %.2f".formatted(Math.max(0, busyCores - ours)));
		return text.toString();
	}

	/**
	 * CPU seconds used since the start by this JVM, RabbitMQ and Redis together (not "other"),
	 * so a figure per message is not inflated by whatever else ran on the machine.
	 */
	double ownCpuSeconds() {
		Map<String, Long> now = processTicks();
		long ticks = 0;
		for (Map.Entry<String, Long> entry : now.entrySet()) {
			ticks += entry.getValue() - this.processStart.getOrDefault(entry.getKey(), 0L);
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** {busy, total} jiffies of all CPUs. */
	private static long[] machineTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static Map<String, Long> processTicks() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		ticks.put("this JVM", ticksOf(ProcessHandle.current().pid()));
		ticks.put("RabbitMQ", 0L);
		ticks.put("Redis", 0L);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			processes.filter((p) -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach((p) -> {
				String comm;
				try {
					comm = Files.readString(p.resolve("comm")).trim();
				}
				catch (IOException | RuntimeException ex) {
					return;
				}
				long pid = Long.parseLong(p.getFileName().toString());
				if (comm.equals("beam.smp")) {
					ticks.merge("RabbitMQ", ticksOf(pid), Long::sum);
				}
				else if (comm.startsWith("redis-server")) {
					ticks.merge("Redis", ticksOf(pid), Long::sum);
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			// no /proc: figures stay 0
		}
		return ticks;
	}

	private static long ticksOf(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// after the command: state(0) ... utime is field 14 of the full line, index 11 here
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	static String jvm() {
		return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
				+ ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
					.filter((arg) -> arg.startsWith("-X") && !arg.startsWith("-XX:StartFlightRecording"))
					.reduce((a, b) -> a + " " + b)
					.orElse("default heap");
	}

}
