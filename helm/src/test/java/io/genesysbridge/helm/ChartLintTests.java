package io.genesysbridge.helm;

import java.nio.file.Path;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint --strict}, on the chart as shipped and on a copy whose defaults
 * include the required values (lint takes no values file, and with the shipped defaults
 * validateValues stops the render before the templates are linted).
 */
class ChartLintTests {

	@Test
	void shouldPassStrictLintWhenChartIsLintedAsShipped() {
		LintResult result = new Helm(Chart.DIRECTORY).lint().strict().call();

		assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
	}

	@Test
	void shouldPassStrictLintOfEveryTemplateWhenRequiredValuesAreDefaults(@TempDir Path temp) {
		Path chart = Chart.copyTo(temp);
		Path values = chart.resolve("values.yaml");
		Chart.writeYaml(values, Chart.merge(Chart.loadYaml(values), Chart.loadYaml(Chart.REQUIRED_VALUES)));

		LintResult result = new Helm(chart).lint().strict().call();

		assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[ERROR]"))
			.noneMatch((message) -> message.contains("[WARNING]"));
	}

	@Test
	void shouldVersionChartWithSemverAndProjectVersionWhenReleased() {
		Map<String, Object> chart = Chart.loadYaml(Chart.DIRECTORY.resolve("Chart.yaml"));

		assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "genesys-bridge");
		assertThat((String) chart.get("version")).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
		assertThat(chart.get("appVersion")).as("appVersion follows the Maven project version")
			.isEqualTo(System.getProperty("project.version", String.valueOf(chart.get("appVersion"))));
	}

}
