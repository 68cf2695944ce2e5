package io.genesysbridge.helm;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.genesysbridge.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How the console reaches every processor replica's Prometheus endpoint: a headless Service
 * whose DNS name the console resolves at each scrape ({@code GENESYS_BRIDGE_PROMETHEUS_URLS}
 * as a {@code dns+} URL), or the URLs an operator lists, and the NetworkPolicies letting the
 * console, and only it besides the metrics namespaces, reach the processor's management port.
 */
class ConsoleMetricsTemplateTests {

	private static final String PROCESSOR = "gb-genesys-bridge-processor";

	private static final String CONSOLE = "gb-genesys-bridge-console";

	private static final String HEADLESS = PROCESSOR + "-headless";

	private static final String URLS = "GENESYS_BRIDGE_PROMETHEUS_URLS";

	@TempDir
	private Path directory;

	@Test
	void shouldPointTheConsoleAtEveryProcessorPodThroughTheHeadlessServiceWhenNoUrlsAreGiven() {
		Manifests manifests = Chart.template(Chart.REQUIRED_VALUES);

		Map<String, Object> headless = manifests.get("Service", HEADLESS);

		assertThat(Yamls.env(manifests.container(CONSOLE))).containsEntry(URLS,
				"dns+http://" + HEADLESS + ".bridge.svc:8081/actuator/prometheus");
		assertThat(Yamls.map(headless, "spec")).containsEntry("clusterIP", "None")
			.containsEntry("publishNotReadyAddresses", true);
		assertThat(Yamls.list(headless, "spec", "ports")).containsExactly(
				Map.of("name", "management", "port", 8081, "targetPort", "management", "protocol", "TCP"));
		assertThat(Yamls.map(headless, "spec", "selector"))
			.isEqualTo(Yamls.map(manifests.get("Deployment", PROCESSOR), "spec", "selector", "matchLabels"));
		assertThat(Yamls.at(headless, "metadata", "labels", "app.kubernetes.io/subcomponent"))
			.as("not selected by the ServiceMonitor, which scrapes the -metrics Service")
			.isEqualTo("headless");
	}

	@Test
	void shouldAddressPodsOnTheManagementContainerPortWhenItDiffersFromTheServicePort() {
		Manifests manifests = Manifests.parse(Chart.templateCommand(Chart.REQUIRED_VALUES)
			.set("processor.containerPorts.management", 9081)
			.set("processor.service.ports.management", 18081)
			.call());

		assertThat(Yamls.env(manifests.container(CONSOLE))).containsEntry(URLS,
				"dns+http://" + HEADLESS + ".bridge.svc:9081/actuator/prometheus");
		assertThat(Yamls.at(manifests.get("Service", HEADLESS), "spec", "ports", 0, "port")).isEqualTo(9081);
	}

	@Test
	void shouldPassListedUrlsAsTheyAreWhenTheOperatorGivesThem() {
		Path values = this.directory.resolve("urls.yaml");
		Chart.writeYaml(values, Map.of("console", Map.of("metrics", Map.of("prometheusUrls",
				List.of("http://processor-0.bridge:8081/actuator/prometheus",
						"dns+http://other-processors.bridge.svc:8081/actuator/prometheus")))));

		Manifests manifests = Chart.template(Chart.REQUIRED_VALUES, values);

		assertThat(Yamls.env(manifests.container(CONSOLE))).containsEntry(URLS,
				"http://processor-0.bridge:8081/actuator/prometheus,"
						+ "dns+http://other-processors.bridge.svc:8081/actuator/prometheus");
	}

	@Test
	void shouldRefuseAUrlThatIsNeitherHttpNorDnsWhenListed() {
		Path values = this.directory.resolve("bad.yaml");
		Chart.writeYaml(values,
				Map.of("console", Map.of("metrics", Map.of("prometheusUrls", List.of("processor:8081/metrics")))));

		assertThatException().isThrownBy(() -> Chart.template(Chart.REQUIRED_VALUES, values))
			.withMessageContaining("prometheusUrls");
	}

	@Test
	void shouldLetTheConsoleReachTheProcessorsManagementPortWhenExternalTrafficIsDisallowed() {
		Manifests manifests = Chart.template(Chart.RESOURCES.resolve("all-toggles-values.yaml"));

		List<Object> processorIngress = Yamls.list(manifests.get("NetworkPolicy", PROCESSOR), "spec", "ingress");
		List<Object> consoleEgress = Yamls.list(manifests.get("NetworkPolicy", CONSOLE), "spec", "egress");

		assertThat(processorIngress).contains(Map.of("ports", List.of(Map.of("port", 8081)), "from",
				List.of(Map.of("podSelector", Map.of("matchLabels", selector("console"))))));
		assertThat(processorIngress).filteredOn((rule) -> Yamls.list(rule, "ports").contains(Map.of("port", 8081)))
			.flatExtracting((rule) -> Yamls.list(rule, "from"))
			.as("sources of the management port")
			.containsExactlyInAnyOrder(Map.of("podSelector", Map.of("matchLabels", selector("console"))),
					Map.of("namespaceSelector",
							Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))));
		assertThat(consoleEgress).contains(Map.of("to",
				List.of(Map.of("podSelector", Map.of("matchLabels", selector("processor")))), "ports",
				List.of(Map.of("port", 8081))));
	}

	@Test
	void shouldRenderNoHeadlessServiceNorScrapeRuleWhenConsoleIsDisabled() {
		Manifests manifests = Manifests.parse(Chart.templateCommand(Chart.RESOURCES.resolve("all-toggles-values.yaml"))
			.set("console.enabled", false)
			.call());

		assertThat(manifests.kindsAndNames()).doesNotContain("Service/" + HEADLESS);
		assertThat(Yamls.list(manifests.get("NetworkPolicy", PROCESSOR), "spec", "ingress"))
			.noneMatch((rule) -> String.valueOf(rule).contains("console"));
	}

	private static Map<String, Object> selector(String component) {
		return Map.of("app.kubernetes.io/name", "genesys-bridge", "app.kubernetes.io/instance", "gb",
				"app.kubernetes.io/component", component);
	}

}
