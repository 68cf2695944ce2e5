package io.genesysbridge.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.genesysbridge.helm.Chart.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule takes the groups of the chart's files/alerts.yaml (a plain
 * Prometheus rule file, which the compose Prometheus of deploy/ loads too) besides
 * metrics.prometheusRule.rules.
 */
class PrometheusRuleTemplateTests {

	private static final String ALERTS = """
			groups:
			  - name: genesys-bridge.delivery
			    rules:
			      - alert: GenesysBridgeDeadLettering
			        expr: sum(rate(genesys_bridge_inbound_messages_total{outcome="dead-lettered"}[5m])) > 0
			        for: 10m
			        labels:
			          severity: warning
			        annotations:
			          summary: "Messages are dead-lettered ({{ $value }}/s)"
			""";

	@Test
	void shouldAppendAlertsFileGroupsWhenChartHasOne(@TempDir Path temp) throws IOException {
		Path chart = Chart.copyTo(temp);
		Files.createDirectories(chart.resolve("files"));
		Files.writeString(chart.resolve("files/alerts.yaml"), ALERTS);

		Manifests manifests = Manifests.parse(Chart.templateCommandIn(chart, Chart.REQUIRED_VALUES)
			.set("metrics.prometheusRule.enabled", true)
			.call());

		List<Object> groups = Yamls.list(manifests.get("PrometheusRule", "gb-genesys-bridge"), "spec", "groups");
		assertThat(groups).singleElement().satisfies((group) -> {
			assertThat(Yamls.at(group, "name")).isEqualTo("genesys-bridge.delivery");
			assertThat(Yamls.at(group, "rules", 0, "alert")).isEqualTo("GenesysBridgeDeadLettering");
			assertThat(Yamls.at(group, "rules", 0, "annotations", "summary"))
				.isEqualTo("Messages are dead-lettered ({{ $value }}/s)");
		});
	}

	@Test
	void shouldRenderEmptyRuleWhenNoRulesAreGiven(@TempDir Path temp) throws IOException {
		Path chart = Chart.copyTo(temp);
		Files.deleteIfExists(chart.resolve("files/alerts.yaml"));

		Manifests manifests = Manifests.parse(Chart.templateCommandIn(chart, Chart.REQUIRED_VALUES)
			.set("metrics.prometheusRule.enabled", true)
			.call());

		assertThat(Yamls.at(manifests.get("PrometheusRule", "gb-genesys-bridge"), "spec"))
			.isEqualTo(Map.of("groups", List.of()));
	}

}
