package io.genesysbridge.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard deploy/grafana/dashboards/genesys-bridge.json: every query names
 * only meters the processor and console register (read from their sources) or known
 * external ones, so the dashboard cannot drift from the code unnoticed.
 */
class DashboardTests {

	private static final Path DASHBOARD = Paths.get("..", "deploy", "grafana", "dashboards", "genesys-bridge.json");

	private static Map<String, Object> dashboard;

	private static List<Map<String, Object>> panels;

	@BeforeAll
	static void parseDashboard() {
		dashboard = Chart.loadYaml(DASHBOARD);
		panels = new ArrayList<>();
		for (Object panel : Yamls.list(dashboard, "panels")) {
			panels.add(Yamls.asMap(panel));
			if (Yamls.at(panel, "panels") instanceof List<?> nested) {
				nested.forEach((child) -> panels.add(Yamls.asMap(child)));
			}
		}
	}

	@Test
	void shouldQueryOnlyCodeOrKnownExternalMetricsWhenDashboardIsParsed() {
		CodeMeters meters = CodeMeters.scan();
		Map<String, Set<String>> unknown = new HashMap<>();

		queries().forEach((where, expr) -> {
			Set<String> names = PromQl.metricNames(expr);
			assertThat(names).as("metrics of %s: %s", where, expr).isNotEmpty();
			names.stream()
				.filter((name) -> !meters.isKnown(name))
				.forEach((name) -> unknown.computeIfAbsent(where, (key) -> new TreeSet<>()).add(name));
		});

		assertThat(unknown).as("metrics neither registered in backend/console-ui nor allow-listed").isEmpty();
	}

	@Test
	void shouldCoverEveryFeatureWhenDashboardIsParsed() {
		Set<String> used = new TreeSet<>();

		queries().values().forEach((expr) -> used.addAll(PromQl.metricNames(expr)));

		assertThat(used).contains("genesysbridge_inbound_messages_total", "genesysbridge_messages_dead_lettered_total",
				"genesysbridge_messages_deferred_total", "genesysbridge_messages_retries_total",
				"http_client_requests_seconds_bucket", "genesysbridge_genesys_token_fetches_total",
				"genesysbridge_ratelimit_permits_total", "genesysbridge_ratelimit_wait_seconds_sum",
				"genesysbridge_ratelimit_genesys_throttled_total", "resilience4j_circuitbreaker_state",
				"genesysbridge_webhook_requests_total", "genesysbridge_console_deadletters_ingested_total",
				"genesysbridge_console_deadletters_replays_total", "genesysbridge_readiness_up",
				"genesysbridge_inbound_message_age_seconds_bucket", "rabbitmq_detailed_queue_messages_ready",
				"jvm_memory_used_bytes");
	}

	@Test
	void shouldFindMetricsOfPromQlWhenFunctionsLabelsAndVariablesSurround() {
		String expr = "histogram_quantile(0.95, sum by (le, uri) (rate(http_client_requests_seconds_bucket"
				+ "{job=\"processor\", instance=~\"$instance\"}[$__rate_interval]))) / on (uri) group_left"
				+ " max({__name__=~\"rabbitmq_(detailed_)?queue_messages\", queue=\"q\"}) or vector(0)";

		assertThat(PromQl.metricNames(expr)).containsExactlyInAnyOrder("http_client_requests_seconds_bucket",
				"rabbitmq_(detailed_)?queue_messages");
		assertThat(PromQl.metricNames("label_values(up{job=~\"processor|console\"}, instance)")).containsExactly("up");
	}

	@Test
	void shouldKnowMeterSuffixesByTypeWhenCodeIsScanned() {
		CodeMeters meters = CodeMeters.scan();

		assertThat(meters.isKnown("genesysbridge_inbound_messages_total")).isTrue();
		assertThat(meters.isKnown("genesysbridge_ratelimit_wait_seconds_bucket")).isTrue();
		assertThat(meters.isKnown("genesysbridge_inbound_messages_seconds_count")).isFalse();
		assertThat(meters.isKnown("genesysbridge_ratelimit_wait_total")).isFalse();
		assertThat(meters.isKnown("genesysbridge_no_such_meter_total")).isFalse();
		assertThat(meters.isKnown("jvm_memory_used_bytes")).isTrue();
	}

	@Test
	void shouldUseProvisionedDataSourceWhenPanelsQuery() {
		for (Map<String, Object> panel : panels) {
			if ("row".equals(panel.get("type"))) {
				continue;
			}
			assertThat(Yamls.at(panel, "datasource", "uid")).as("data source of %s", panel.get("title"))
				.isEqualTo("prometheus");
			for (Object target : Yamls.list(panel, "targets")) {
				assertThat(Yamls.at(target, "datasource", "uid")).as("target of %s", panel.get("title"))
					.isEqualTo("prometheus");
			}
		}
	}

	@Test
	void shouldLayOutUniquePanelsWhenDashboardIsParsed() {
		assertThat(panels).extracting((panel) -> panel.get("id")).doesNotHaveDuplicates();
		assertThat(panels).allSatisfy((panel) -> {
			assertThat((String) panel.get("title")).isNotBlank();
			assertThat(Yamls.map(panel, "gridPos")).containsKeys("h", "w", "x", "y");
		});
		assertThat(dashboard).containsEntry("uid", "genesys-bridge");
	}

	@Test
	void shouldTemplateInstanceAndTenantWhenDashboardIsParsed() {
		List<Object> variables = Yamls.list(dashboard, "templating", "list");

		assertThat(variables).extracting((variable) -> Yamls.at(variable, "name"))
			.containsExactly("instance", "tenant");
		assertThat(queries().values()).filteredOn((expr) -> expr.contains("by (tenant"))
			.isNotEmpty()
			.allSatisfy((expr) -> assertThat(expr).contains("tenant=~\"$tenant\""));
	}

	/**
	 * Every PromQL query of the dashboard: panel targets and variable queries.
	 * @return query by "panel title/refId" or "variable name"
	 */
	private static Map<String, String> queries() {
		Map<String, String> queries = new HashMap<>();
		for (Map<String, Object> panel : panels) {
			if (panel.get("targets") instanceof List<?> targets) {
				for (Object target : targets) {
					queries.put(panel.get("title") + "/" + Yamls.at(target, "refId"),
							(String) Yamls.at(target, "expr"));
				}
			}
		}
		for (Object variable : Yamls.list(dashboard, "templating", "list")) {
			queries.put("variable " + Yamls.at(variable, "name"), (String) Yamls.at(variable, "query", "query"));
		}
		return queries;
	}

	/**
	 * The metric names in PromQL (and Grafana's label_values), found without a parser:
	 * strings, label matchers, ranges, grouping clauses and variables are removed, and
	 * what remains of the identifiers, except functions and keywords, are metrics.
	 */
	static final class PromQl {

		private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=~?\\s*\"([^\"]*)\"");

		private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][\\w:]*");

		private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
				"on", "ignoring", "group_left", "group_right", "inf", "nan");

		private PromQl() {
		}

		static Set<String> metricNames(String expr) {
			Set<String> names = new TreeSet<>();
			Matcher byName = NAME_MATCHER.matcher(expr);
			while (byName.find()) {
				names.add(byName.group(1));
			}
			String rest = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
				.replaceAll("\\$\\{?\\w+(?::\\w+)?}?", " ")
				.replaceAll("\\{[^}]*}", " ")
				.replaceAll("\\[[^\\]]*\\]", " ")
				.replaceAll("label_values\\(([^,]*),\\s*\\w+\\s*\\)", "$1")
				.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
			Matcher identifier = IDENTIFIER.matcher(rest);
			while (identifier.find()) {
				String name = identifier.group();
				if (!KEYWORDS.contains(name) && !rest.substring(identifier.end()).stripLeading().startsWith("(")) {
					names.add(name);
				}
			}
			return names;
		}

	}

	/**
	 * The Prometheus names of the meters registered in backend/ and console-ui/ sources:
	 * each {@code genesysbridge.*} name constant or literal, with the suffixes its meter
	 * type gets in Prometheus ({@code _total} for counters,
	 * {@code _seconds_count/_sum/_max/_bucket} for timers...); any suffix when the type
	 * is not found. Plus the allow-listed external families: JVM and process meters,
	 * Resilience4j, the HTTP client and RabbitMQ.
	 */
	static final class CodeMeters {

		private static final List<Path> SOURCES = List.of(Paths.get("..", "backend", "src", "main", "java"),
				Paths.get("..", "console-ui", "src", "main", "java"));

		private static final List<String> EXTERNAL_PREFIXES = List.of("jvm_", "process_", "resilience4j_",
				"http_client_", "rabbitmq_");

		private static final Pattern CONSTANT = Pattern
			.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"(genesysbridge\\.[\\w.]+)\"");

		private static final Pattern BUILDER = Pattern.compile(
				"\\b(Counter|FunctionCounter|Timer|FunctionTimer|Gauge|TimeGauge|DistributionSummary)\\.builder\\(\\s*(?:\\w+\\.)?(\\w+|\"genesysbridge\\.[\\w.]+\")");

		private static final Pattern REGISTRY_CALL = Pattern
			.compile("\\.(counter|timer|gauge|summary)\\(\\s*(?:\\w+\\.)?(\\w+|\"genesysbridge\\.[\\w.]+\")");

		private static final Map<String, List<String>> SUFFIXES = Map.of("counter", List.of("_total"), "timer",
				List.of("_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"), "gauge", List.of(""),
				"timegauge", List.of("_seconds"), "summary", List.of("_count", "_sum", "_max", "_bucket",
						"_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"));

		private final Set<String> names;

		private CodeMeters(Set<String> names) {
			this.names = names;
		}

		static CodeMeters scan() {
			List<String> sources = sources();
			Map<String, String> everywhere = new HashMap<>();
			sources.forEach((source) -> everywhere.putAll(constantsIn(source)));
			Map<String, Set<String>> types = new HashMap<>();
			for (String source : sources) {
				Map<String, String> constants = new HashMap<>(everywhere);
				constants.putAll(constantsIn(source));
				constantsIn(source).values()
					.forEach((meter) -> types.computeIfAbsent(meter, (name) -> new TreeSet<>()));
				collectTypes(BUILDER.matcher(source), constants, types);
				collectTypes(REGISTRY_CALL.matcher(source), constants, types);
			}
			Set<String> names = new TreeSet<>();
			types.forEach((meter, meterTypes) -> {
				String base = meter.replace('.', '_');
				List<String> suffixes = meterTypes.isEmpty()
						? SUFFIXES.values().stream().flatMap(List::stream).distinct().toList()
						: meterTypes.stream().flatMap((type) -> SUFFIXES.get(type).stream()).toList();
				suffixes.forEach((suffix) -> names.add(base + suffix));
			});
			return new CodeMeters(names);
		}

		boolean isKnown(String metric) {
			return "up".equals(metric) || this.names.contains(metric)
					|| EXTERNAL_PREFIXES.stream().anyMatch(metric::startsWith);
		}

		private static Map<String, String> constantsIn(String source) {
			Map<String, String> constants = new HashMap<>();
			Matcher constant = CONSTANT.matcher(source);
			while (constant.find()) {
				constants.put(constant.group(1), constant.group(2));
			}
			return constants;
		}

		private static void collectTypes(Matcher matcher, Map<String, String> constants,
				Map<String, Set<String>> types) {
			while (matcher.find()) {
				String argument = matcher.group(2);
				String meter = argument.startsWith("\"") ? argument.substring(1, argument.length() - 1)
						: constants.get(argument);
				if (meter != null && meter.startsWith("genesysbridge.")) {
					types.computeIfAbsent(meter, (name) -> new TreeSet<>()).add(typeOf(matcher.group(1)));
				}
			}
		}

		private static String typeOf(String builderOrCall) {
			return switch (builderOrCall) {
				case "Counter", "FunctionCounter", "counter" -> "counter";
				case "Timer", "FunctionTimer", "timer" -> "timer";
				case "TimeGauge" -> "timegauge";
				case "DistributionSummary", "summary" -> "summary";
				default -> "gauge";
			};
		}

		private static List<String> sources() {
			List<String> sources = new ArrayList<>();
			for (Path root : SOURCES) {
				try (Stream<Path> files = Files.walk(root)) {
					for (Path file : (Iterable<Path>) files
						.filter((path) -> path.toString().endsWith(".java"))::iterator) {
						sources.add(Files.readString(file));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return sources;
		}

	}

}
