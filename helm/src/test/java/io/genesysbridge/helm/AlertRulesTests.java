package io.genesysbridge.helm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.genesysbridge.helm.Chart.Manifests;
import io.genesysbridge.helm.DashboardTests.CodeMeters;
import io.genesysbridge.helm.DashboardTests.PromQl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules of the chart's files/alerts.yaml, which the PrometheusRule and the
 * compose Prometheus both load: promtool checks them and runs their unit tests
 * (src/test/resources/alerts), and every alert has a firing and a quiet test case, a
 * severity, a summary, a description and a runbook section in docs/operations.md.
 * promtool is Debian's (package prometheus), which bin/test installs when it is missing.
 */
class AlertRulesTests {

	private static final Path ALERTS = Chart.DIRECTORY.resolve("files").resolve("alerts.yaml");

	private static final Path ALERT_TESTS = Chart.RESOURCES.resolve("alerts").resolve("alerts-test.yaml");

	private static final Path OPERATIONS = Paths.get("..", "docs", "operations.md");

	private static final Path COMPOSE_PROMETHEUS = Paths.get("..", "deploy", "prometheus", "prometheus.yml");

	private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

	private static final Pattern JOB_MATCHER = Pattern.compile("\\bjob\\s*=~?\\s*\"([^\"]*)\"");

	private static Path promtool;

	private static List<Map<String, Object>> alerts;

	@BeforeAll
	static void findPromtoolAndParseAlerts() {
		promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Paths.get(directory, "promtool"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(Paths.get("/usr/bin/promtool"));
		assertThat(promtool).as("promtool of Debian's prometheus package (bin/test installs it)").isExecutable();
		alerts = Yamls.list(Chart.loadYaml(ALERTS), "groups")
			.stream()
			.flatMap((group) -> Yamls.list(group, "rules").stream())
			.map(Yamls::asMap)
			.filter((rule) -> rule.containsKey("alert"))
			.toList();
	}

	@Test
	void shouldPassPromtoolCheckWhenRulesAreChecked() throws Exception {
		Result result = promtool("check", "rules", ALERTS.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + alerts.size() + " rules found");
	}

	@Test
	void shouldPassEveryUnitTestWhenPromtoolTestsRules() throws Exception {
		Result result = promtool("test", "rules", ALERT_TESTS.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
	}

	@Test
	void shouldTestEveryAlertFiringAndQuietWhenTestFileIsParsed() {
		Map<String, Object> tests = Chart.loadYaml(ALERT_TESTS);
		Set<String> firing = new TreeSet<>();
		Set<String> quiet = new TreeSet<>();

		for (Object test : Yamls.list(tests, "tests")) {
			for (Object check : Yamls.list(test, "alert_rule_test")) {
				boolean fires = Yamls.at(check, "exp_alerts") instanceof List<?> expected && !expected.isEmpty();
				(fires ? firing : quiet).add((String) Yamls.at(check, "alertname"));
			}
		}

		assertThat(Yamls.list(tests, "rule_files")).singleElement()
			.satisfies((file) -> assertThat(ALERT_TESTS.resolveSibling(file.toString())).isRegularFile()
				.hasSameTextualContentAs(ALERTS));
		assertThat(firing).as("alerts with a firing test case").containsAll(alertNames());
		assertThat(quiet).as("alerts with a quiet test case").containsAll(alertNames());
	}

	@Test
	void shouldLabelAnnotateAndLinkRunbookWhenRulesAreParsed() throws IOException {
		Set<String> anchors = Files.readAllLines(OPERATIONS)
			.stream()
			.filter((line) -> line.startsWith("#"))
			.map(AlertRulesTests::anchorOf)
			.collect(Collectors.toSet());

		assertThat(alerts).isNotEmpty().allSatisfy((alert) -> {
			String name = (String) alert.get("alert");
			assertThat(SEVERITIES).as("severity of %s", name).contains((String) Yamls.at(alert, "labels", "severity"));
			assertThat(Yamls.map(alert, "annotations")).as("annotations of %s", name)
				.containsOnlyKeys("summary", "description", "runbook")
				.containsEntry("runbook", "docs/operations.md#" + name.toLowerCase(Locale.ROOT));
			assertThat(anchors).as("sections of docs/operations.md").contains(name.toLowerCase(Locale.ROOT));
			assertThat(alert.get("for")).as("for of %s", name).isNotNull();
		});
		assertThat(alertNames()).doesNotHaveDuplicates();
	}

	@Test
	void shouldSelectScrapeJobsThatExistWhenRulesAreParsed() {
		Set<String> jobs = Yamls.list(Chart.loadYaml(COMPOSE_PROMETHEUS), "scrape_configs")
			.stream()
			.map((job) -> (String) Yamls.at(job, "job_name"))
			.collect(Collectors.toSet());
		Set<String> selected = new TreeSet<>();

		for (Map<String, Object> alert : alerts) {
			Matcher matcher = JOB_MATCHER.matcher((String) alert.get("expr"));
			while (matcher.find()) {
				selected.addAll(List.of(matcher.group(1).split("\\|")));
			}
		}

		assertThat(selected).containsExactlyInAnyOrder("processor", "console");
		assertThat(jobs).containsAll(selected);
	}

	@Test
	void shouldQueryOnlyCodeOrKnownExternalMetricsWhenRulesAreParsed() {
		CodeMeters meters = CodeMeters.scan();
		Map<String, Set<String>> unknown = new HashMap<>();

		for (Map<String, Object> alert : alerts) {
			Set<String> names = PromQl.metricNames((String) alert.get("expr"));
			assertThat(names).as("metrics of %s", alert.get("alert")).isNotEmpty();
			names.stream()
				.filter((name) -> !meters.isKnown(name))
				.forEach((name) -> unknown.computeIfAbsent((String) alert.get("alert"), (key) -> new TreeSet<>())
					.add(name));
		}

		assertThat(unknown).as("metrics neither registered in backend/console-ui nor allow-listed").isEmpty();
	}

	@Test
	void shouldLoadRulesWhenComposePrometheusConfigIsChecked(@TempDir Path temp) throws Exception {
		Map<String, Object> config = Chart.loadYaml(COMPOSE_PROMETHEUS);
		config.put("rule_files", List.of(ALERTS.toAbsolutePath().toString()));
		Path copy = temp.resolve("prometheus.yml");
		Chart.writeYaml(copy, config);

		Result result = promtool("check", "config", copy.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS: " + alerts.size() + " rules found");
	}

	@Test
	void shouldRenderRulesFileIntoPrometheusRuleWhenEnabled() {
		Manifests manifests = Manifests
			.parse(Chart.templateCommand(Chart.REQUIRED_VALUES).set("metrics.prometheusRule.enabled", true).call());

		assertThat(Yamls.list(manifests.get("PrometheusRule", "gb-genesys-bridge"), "spec", "groups"))
			.isEqualTo(Yamls.list(Chart.loadYaml(ALERTS), "groups"));
	}

	private static List<String> alertNames() {
		return alerts.stream().map((alert) -> (String) alert.get("alert")).toList();
	}

	/**
	 * The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces
	 * turned into hyphens.
	 */
	private static String anchorOf(String heading) {
		return heading.replaceFirst("^#+\\s*", "")
			.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9 _-]", "")
			.replace(' ', '-');
	}

	private static Result promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(promtool.toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		return new Result(process.exitValue(), output);
	}

	/**
	 * How a promtool run ended.
	 *
	 * @param exitCode its exit code
	 * @param output its standard output and error
	 */
	private record Result(int exitCode, String output) {
	}

}
