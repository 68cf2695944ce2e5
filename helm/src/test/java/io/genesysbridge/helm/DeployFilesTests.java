package io.genesysbridge.helm;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * deploy/: the compose file, the Prometheus and Grafana configuration it mounts and the
 * Dockerfiles it builds. No Docker here, so these are parsed and checked for consistency.
 */
class DeployFilesTests {

	private static final Path DEPLOY = Paths.get("..", "deploy");

	private static final Pattern DEFAULTED = Pattern.compile("\\$\\{\\w+:-(.*)}");

	private static Map<String, Object> services;

	@BeforeAll
	static void parseCompose() {
		services = Yamls.map(Chart.loadYaml(DEPLOY.resolve("compose.yaml")), "services");
	}

	@Test
	void shouldBuildOrPullEveryServiceWhenComposeIsParsed() {
		assertThat(services).containsOnlyKeys("rabbitmq", "redis", "fake-genesys", "processor", "console", "prometheus",
				"grafana");
		services.forEach((name, service) -> {
			assertThat(Yamls.at(service, "image")).as("image of %s", name).isNotNull();
			Object dockerfile = Yamls.at(service, "build", "dockerfile");
			if (dockerfile != null) {
				Path context = DEPLOY.resolve((String) Yamls.at(service, "build", "context"));
				assertThat(context.resolve((String) dockerfile)).as("Dockerfile of %s", name).isRegularFile();
			}
		});
		assertThat(services.values()).filteredOn((service) -> Yamls.at(service, "build") != null).hasSize(3);
	}

	@Test
	void shouldRunNonRootWhenServiceUserIsConfigurable() throws IOException {
		Set<String> withoutUser = new TreeSet<>();
		services.forEach((name, service) -> {
			Object user = Yamls.at(service, "user");
			if (user == null) {
				withoutUser.add(name);
			}
			else {
				assertThat(user.toString()).as("user of %s", name).doesNotStartWith("0").doesNotStartWith("root");
			}
		});

		assertThat(withoutUser).as("images that start as root only to drop to their own user")
			.containsExactly("rabbitmq", "redis");
		for (String image : List.of("backend", "console", "fake-genesys")) {
			String dockerfile = Files.readString(DEPLOY.resolve("docker/" + image + ".Dockerfile"));
			assertThat(dockerfile).contains("FROM eclipse-temurin:21-jre").contains("\nUSER 10001:10001\n");
		}
	}

	@Test
	void shouldWireProcessorToRabbitmqRedisAndFakeGenesysWhenComposeIsParsed() {
		Map<String, Object> environment = Yamls.map(services.get("processor"), "environment");

		assertThat(environment).contains(entry("SPRING_RABBITMQ_HOST", "rabbitmq"),
				entry("SPRING_DATA_REDIS_HOST", "redis"), entry("APP_TENANTS_SEED_0_REGION", "mypurecloud.com"),
				entry("APP_TENANTS_SEED_0_APIBASEURL", "http://fake-genesys:18080"),
				entry("APP_TENANTS_SEED_0_LOGINBASEURL", "http://fake-genesys:18080"),
				entry("APP_TENANTS_SEED_0_CLIENTID", "demo-client"),
				entry("APP_TENANTS_SEED_0_INTEGRATIONIDS_0", "demo-integration"));
		assertThat(Base64.getDecoder().decode(defaultOf(environment.get("APP_TENANTS_ENCRYPTIONKEY")))).hasSize(32);
		assertThat(Yamls.list(services.get("fake-genesys"), "command")).contains("--bind=0.0.0.0", "--port=18080",
				"--client=demo-client:demo-secret", "--integration=demo-integration");
		assertThat(Yamls.map(services.get("processor"), "depends_on")).containsOnlyKeys("rabbitmq", "redis",
				"fake-genesys");
		assertThat(Yamls.list(services.get("processor"), "ports")).containsExactly("8080:8080", "8081:8081");
		assertThat(Yamls.list(services.get("console"), "ports")).containsExactly("8090:8090", "8091:8091");
	}

	@Test
	void shouldPersistRedisAndEnableRabbitmqMetricsWhenComposeIsParsed() throws IOException {
		assertThat(Yamls.at(services.get("redis"), "image")).isEqualTo("redis:7");
		assertThat(Yamls.list(services.get("redis"), "command")).containsSequence("--appendonly", "yes");
		assertThat(Yamls.list(services.get("redis"), "volumes")).contains("redis-data:/data");
		assertThat(Yamls.at(services.get("rabbitmq"), "image")).isEqualTo("rabbitmq:3.13-management");
		assertThat(Yamls.list(services.get("rabbitmq"), "ports")).containsExactly("5672:5672", "15672:15672");
		assertThat(Files.readString(DEPLOY.resolve("rabbitmq/enabled_plugins"))).contains("rabbitmq_prometheus");
	}

	@Test
	void shouldMountOnlyExistingFilesWhenComposeIsParsed() {
		services.forEach((name, service) -> {
			if (Yamls.at(service, "volumes") instanceof List<?> volumes) {
				for (Object volume : volumes) {
					String source = volume.toString().split(":")[0];
					if (source.startsWith("./") || source.startsWith("../")) {
						assertThat(DEPLOY.resolve(source)).as("bind mount of %s", name).exists();
					}
				}
			}
		});
	}

	@Test
	void shouldScrapeActuatorsAndRabbitmqWhenPrometheusConfigIsParsed() {
		Map<String, Object> prometheus = Chart.loadYaml(DEPLOY.resolve("prometheus/prometheus.yml"));

		assertThat(scrapeTargets(prometheus)).contains(entry("processor", "/actuator/prometheus processor:8081"),
				entry("console", "/actuator/prometheus console:8091"), entry("rabbitmq", "/metrics rabbitmq:15692"),
				entry("rabbitmq-queues", "/metrics/detailed rabbitmq:15692"));
		assertThat(Yamls.map(scrapeJob(prometheus, "rabbitmq-queues"), "params")).containsEntry("family",
				List.of("queue_coarse_metrics", "queue_consumer_count"));
	}

	@Test
	void shouldLoadChartAlertRulesWhenPrometheusStarts() {
		Map<String, Object> prometheus = Chart.loadYaml(DEPLOY.resolve("prometheus/prometheus.yml"));
		List<String> mounts = Yamls.list(services.get("prometheus"), "volumes")
			.stream()
			.map(Object::toString)
			.filter((volume) -> volume.startsWith("../helm/genesys-bridge/files/alerts.yaml:"))
			.toList();

		assertThat(mounts).singleElement().satisfies((mount) -> {
			String target = mount.split(":")[1];
			assertThat(Yamls.list(prometheus, "rule_files")).singleElement()
				.satisfies((glob) -> assertThat(
						FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(Paths.get(target)))
					.as("%s matches rule_files %s", target, glob)
					.isTrue());
		});
		assertThat(DEPLOY.resolve("prometheus/rules")).doesNotExist();
	}

	@Test
	void shouldProvisionPrometheusAndDashboardsWhenGrafanaStarts() {
		Map<String, Object> datasources = Chart
			.loadYaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yaml"));
		Map<String, Object> dashboards = Chart
			.loadYaml(DEPLOY.resolve("grafana/provisioning/dashboards/genesys-bridge.yaml"));

		assertThat(Yamls.map(datasources, "datasources", 0)).contains(entry("type", "prometheus"),
				entry("url", "http://prometheus:9090"), entry("uid", "prometheus"));
		assertThat(Yamls.list(services.get("grafana"), "volumes"))
			.contains("./grafana/dashboards:" + Yamls.at(dashboards, "providers", 0, "options", "path") + ":ro");
	}

	private static Map<String, String> scrapeTargets(Map<String, Object> prometheus) {
		return Yamls.list(prometheus, "scrape_configs")
			.stream()
			.collect(Collectors.toMap((job) -> (String) Yamls.at(job, "job_name"), DeployFilesTests::pathAndTargets));
	}

	private static Object scrapeJob(Map<String, Object> prometheus, String name) {
		return Yamls.list(prometheus, "scrape_configs")
			.stream()
			.filter((job) -> name.equals(Yamls.at(job, "job_name")))
			.findFirst()
			.orElseThrow();
	}

	private static String pathAndTargets(Object job) {
		Object path = Yamls.at(job, "metrics_path");
		List<Object> targets = Yamls.list(job, "static_configs", 0, "targets");
		return ((path != null) ? path : "/metrics") + " "
				+ targets.stream().map(Object::toString).collect(Collectors.joining(","));
	}

	private static String defaultOf(Object value) {
		Matcher matcher = DEFAULTED.matcher(value.toString());
		assertThat(matcher.matches()).as("%s has a ${VAR:-default}", value).isTrue();
		return matcher.group(1);
	}

}
