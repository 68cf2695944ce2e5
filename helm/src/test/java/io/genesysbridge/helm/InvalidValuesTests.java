package io.genesysbridge.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each file of invalid/ breaks one rule on top of the required values; its first line,
 * {@code # expect: <text>}, is the validateValues message the render must fail with.
 */
class InvalidValuesTests {

	private static final String EXPECT = "# expect: ";

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidValuesFiles")
	void shouldFailWithValidationMessageWhenValuesAreInvalid(Path valuesFile) throws IOException {
		String firstLine = Files.readAllLines(valuesFile).getFirst();
		assertThat(firstLine).as("first line of %s", valuesFile).startsWith(EXPECT);

		assertThatException().isThrownBy(() -> Chart.templateCommand(Chart.REQUIRED_VALUES, valuesFile).call())
			.withMessageContaining("VALUES VALIDATION:")
			.withMessageContaining(firstLine.substring(EXPECT.length()));
	}

	static Stream<Path> invalidValuesFiles() throws IOException {
		try (Stream<Path> files = Files.list(Chart.RESOURCES.resolve("invalid"))) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList().stream();
		}
	}

}
