package io.genesysbridge.backend.system;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON lines by default, human-readable lines in the demo profile.
 */
class StructuredLoggingConfigurationTests {

	private static final String CONSOLE_FORMAT = "logging.structured.format.console";

	@Test
	void shouldLogEcsJsonByDefault() throws IOException {
		assertThat(resolver(false).getProperty(CONSOLE_FORMAT)).isEqualTo("ecs");
	}

	@Test
	void shouldLogPlainLinesInTheDemoProfile() throws IOException {
		assertThat(resolver(true).getProperty(CONSOLE_FORMAT)).isEmpty();
	}

	private static PropertySourcesPropertyResolver resolver(boolean demo) throws IOException {
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		MutablePropertySources sources = new MutablePropertySources();
		if (demo) {
			loader.load("demo", new ClassPathResource("application-demo.yml")).forEach(sources::addLast);
		}
		loader.load("default", new ClassPathResource("application.yml")).forEach(sources::addLast);
		PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
		resolver.setIgnoreUnresolvableNestedPlaceholders(true);
		return resolver;
	}

}
