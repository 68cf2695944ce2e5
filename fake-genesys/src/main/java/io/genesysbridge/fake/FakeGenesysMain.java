package io.genesysbridge.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake as a standalone server for demos:
 * {@code java -jar fake-genesys-<version>-exec.jar --port=18080 --client=id:secret --integration=id}.
 *
 * <p>
 * It prints one line with the base URL and serves until the process is killed (a shutdown
 * hook stops the server); faults and counters are then driven through the
 * {@code /__fake/} control API. Bad arguments print the usage on stderr and exit with
 * status 2 without starting anything.
 */
public final class FakeGenesysMain {

	static final String USAGE = """
			usage: java -jar fake-genesys-exec.jar [options]
			  --port=18080                 port to listen on (0 = any free port)
			  --bind=127.0.0.1             interface to listen on (0.0.0.0 inside a container)
			  --client=id:secret           accepted OAuth client (repeatable)
			  --integration=id             known Open Messaging integration (repeatable)
			  --latency-ms=0               delay added to every /api/v2 answer
			  --success-status=202         200 or 202 for accepted inbound calls
			  --rate-limit-per-minute=0    per access token, 0 = unlimited
			  --token-lifetime-seconds=86399
			  --users=5                    sample agents in the directory (GET /api/v2/users)
			control API: POST/DELETE /__fake/faults, GET /__fake/stats, POST /__fake/tokens/expire,
			             POST /__fake/latency, POST /__fake/reset, GET /__fake/inbound?limit=20""";

	private FakeGenesysMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (List.of(args).contains("--help")) {
			System.out.println(USAGE);
			return;
		}
		FakeGenesys fake;
		try {
			fake = launch(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("fake-genesys: " + ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-genesys-shutdown"));
		System.out.println("fake-genesys listening on " + fake.baseUrl());
		new CountDownLatch(1).await();
	}

	/**
	 * Parses the arguments, then starts and configures a fake.
	 * @throws IllegalArgumentException on an unknown or malformed argument (nothing is
	 * started)
	 */
	static FakeGenesys launch(String... args) {
		Options options = Options.parse(args);
		FakeGenesys fake = FakeGenesys.start(options.bind(), options.port());
		try {
			options.clients().forEach((client) -> fake.registerClient(client[0], client[1]));
			options.integrations().forEach(fake::registerIntegration);
			fake.latency(Duration.ofMillis(options.latencyMillis()));
			fake.successStatus(options.successStatus());
			fake.rateLimitPerMinute(options.rateLimitPerMinute());
			fake.tokenLifetime(Duration.ofSeconds(options.tokenLifetimeSeconds()));
			fake.seedUsers(options.users());
			return fake;
		}
		catch (RuntimeException ex) {
			fake.close();
			throw ex;
		}
	}

	/**
	 * The parsed command line; fully validated before any server is started, so bad
	 * arguments leak no port.
	 */
	record Options(int port, String bind, List<String[]> clients, List<String> integrations, long latencyMillis,
			int successStatus, int rateLimitPerMinute, long tokenLifetimeSeconds, int users) {

		static Options parse(String... args) {
			int port = 18080;
			String bind = FakeGenesys.LOOPBACK;
			List<String[]> clients = new ArrayList<>();
			List<String> integrations = new ArrayList<>();
			long latency = 0;
			int successStatus = 202;
			int rateLimit = 0;
			long lifetime = Knobs.DEFAULT_TOKEN_LIFETIME.toSeconds();
			int users = 5;
			for (String arg : args) {
				int equals = arg.indexOf('=');
				if (!arg.startsWith("--") || equals < 0) {
					throw new IllegalArgumentException("unexpected argument " + arg);
				}
				String name = arg.substring(2, equals);
				String value = arg.substring(equals + 1);
				switch (name) {
					case "port" -> port = number(name, value);
					case "bind" -> bind = value;
					case "client" -> clients.add(client(value));
					case "integration" -> integrations.add(value);
					case "latency-ms" -> latency = number(name, value);
					case "success-status" -> successStatus = number(name, value);
					case "rate-limit-per-minute" -> rateLimit = number(name, value);
					case "token-lifetime-seconds" -> lifetime = number(name, value);
					case "users" -> users = number(name, value);
					default -> throw new IllegalArgumentException("unknown option --" + name);
				}
			}
			if (successStatus != 200 && successStatus != 202) {
				throw new IllegalArgumentException("--success-status must be 200 or 202");
			}
			if (latency < 0 || rateLimit < 0 || lifetime < 0 || users < 0) {
				throw new IllegalArgumentException("numbers must not be negative");
			}
			return new Options(port, bind, List.copyOf(clients), List.copyOf(integrations), latency, successStatus,
					rateLimit, lifetime, users);
		}

		private static String[] client(String value) {
			int colon = value.indexOf(':');
			if (colon <= 0 || colon == value.length() - 1) {
				throw new IllegalArgumentException("--client must be id:secret, was " + value);
			}
			return new String[] { value.substring(0, colon), value.substring(colon + 1) };
		}

		private static int number(String name, String value) {
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + name + " must be a number, was " + value);
			}
		}

	}

}
