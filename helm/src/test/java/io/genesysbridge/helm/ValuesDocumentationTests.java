package io.genesysbridge.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bitnami conventions: a {@code ## @param} line for every value, each documented in
 * the README table and typed in values.schema.json.
 */
class ValuesDocumentationTests {

	private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) (\\[object]|\\[array])?.*$",
			Pattern.MULTILINE);

	private static final List<String> params = new ArrayList<>();

	private static final List<String> objectParams = new ArrayList<>();

	private static Map<String, Object> values;

	@BeforeAll
	static void readValues() throws IOException {
		Matcher matcher = PARAM.matcher(Files.readString(Chart.DIRECTORY.resolve("values.yaml")));
		while (matcher.find()) {
			params.add(matcher.group(1));
			if (matcher.group(2) != null) {
				objectParams.add(matcher.group(1));
			}
		}
		values = Chart.loadYaml(Chart.DIRECTORY.resolve("values.yaml"));
	}

	@Test
	void shouldDocumentEveryValueWhenValuesChange() {
		List<String> leaves = new ArrayList<>();
		collectLeaves(values, "", leaves);

		assertThat(leaves).allSatisfy((leaf) -> assertThat(isDocumented(leaf)).as("## @param for %s", leaf).isTrue());
		assertThat(params).doesNotHaveDuplicates()
			.allSatisfy((param) -> assertThat(Yamls.at(values, (Object[]) param.split("\\.")))
				.as("value of ## @param %s", param)
				.isNotNull());
	}

	@Test
	void shouldTypeEveryParameterInSchemaWhenValuesChange() {
		Map<String, Object> schema = Chart.yaml().load(readChartFile("values.schema.json"));

		assertThat(params).allSatisfy((param) -> {
			Object node = schema;
			for (String key : param.split("\\.")) {
				node = Yamls.at(node, "properties", key);
			}
			assertThat(node).as("schema of %s", param).isNotNull();
			assertThat(Yamls.at(node, "type")).as("schema type of %s", param).isNotNull();
		});
	}

	@Test
	void shouldListEveryParameterInReadmeWhenValuesChange() {
		String readme = readChartFile("README.md");

		assertThat(params)
			.allSatisfy((param) -> assertThat(readme).as("README row of %s", param).contains("| `" + param + "` "));
	}

	private static boolean isDocumented(String leaf) {
		return params.contains(leaf) || objectParams.stream().anyMatch((param) -> leaf.startsWith(param + "."));
	}

	private static void collectLeaves(Map<String, Object> node, String prefix, List<String> leaves) {
		node.forEach((key, value) -> {
			String path = prefix + key;
			if (value instanceof Map<?, ?> map && !map.isEmpty()) {
				collectLeaves(Yamls.asMap(map), path + ".", leaves);
			}
			else {
				leaves.add(path);
			}
		});
	}

	private static String readChartFile(String name) {
		try {
			return Files.readString(Chart.DIRECTORY.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
