package io.genesysbridge.benchmark;

/**
 * Entry point of the benchmark harness; {@code bin/benchmark} runs it. Not a test: it prints a
 * table of scenario, metric, baseline, result, target and verdict, and writes it as Markdown to
 * {@code benchmark/target/benchmark-results.md}. Exit status 0 when every target was met, 2
 * when one was missed, 1 when the run itself failed.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) {
		int status;
		try {
			Options options = Options.parse(args);
			try (Benchmark benchmark = new Benchmark(options, String.join(" ", args))) {
				status = benchmark.run() ? 0 : 2;
			}
		}
		catch (Exception ex) {
			System.err.println("Benchmark failed: " + ex);
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

}
