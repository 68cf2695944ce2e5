package io.genesysbridge.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the genesys-bridge chart with helm-java (Helm as a native library, no binary or
 * cluster needed) and parses the manifests, so tests assert on fields rather than on
 * text.
 */
final class Chart {

	static final Path DIRECTORY = Paths.get("genesys-bridge");

	static final Path RESOURCES = Paths.get("src", "test", "resources");

	static final Path REQUIRED_VALUES = RESOURCES.resolve("required-values.yaml");

	static final String RELEASE = "gb";

	static final String NAMESPACE = "bridge";

	private Chart() {
	}

	/**
	 * Renders the chart with the values files in order (later wins).
	 * @param valuesFiles values files, merged in order
	 * @return the rendered objects
	 */
	static Manifests template(Path... valuesFiles) {
		return Manifests.parse(templateCommand(valuesFiles).call());
	}

	static TemplateCommand templateCommand(Path... valuesFiles) {
		return templateCommandIn(DIRECTORY, valuesFiles);
	}

	/**
	 * A {@code helm template} of the chart in {@code directory} (e.g. a copy), to which a
	 * test may add {@code --set} values before calling it.
	 * @param directory the chart directory
	 * @param valuesFiles values files, merged in order
	 * @return the command
	 */
	static TemplateCommand templateCommandIn(Path directory, Path... valuesFiles) {
		TemplateCommand command = new Helm(directory).template().withName(RELEASE).withNamespace(NAMESPACE);
		for (Path valuesFile : valuesFiles) {
			command = command.withValuesFile(valuesFile);
		}
		return command;
	}

	/**
	 * Copies the chart into {@code target} (as {@code target/genesys-bridge}), e.g. to
	 * add a file the chart reads or to lint it with other default values.
	 * @param target an empty directory
	 * @return the copy's chart directory
	 */
	static Path copyTo(Path target) {
		Path copy = target.resolve(DIRECTORY.getFileName());
		try (Stream<Path> files = Files.walk(DIRECTORY)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path destination = copy.resolve(DIRECTORY.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(source, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return copy;
	}

	static Map<String, Object> loadYaml(Path file) {
		try {
			return yaml().load(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeYaml(Path file, Map<String, Object> content) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		try {
			Files.writeString(file, new Yaml(options).dump(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Merges {@code overrides} into {@code base} the way Helm merges values files: maps
	 * recursively, everything else replaced.
	 * @param base the values to change (modified)
	 * @param overrides the values that win
	 * @return {@code base}
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
		overrides.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && base.get(key) instanceof Map<?, ?> existing) {
				merge((Map<String, Object>) existing, (Map<String, Object>) map);
			}
			else {
				base.put(key, value);
			}
		});
		return base;
	}

	static Yaml yaml() {
		return new Yaml(new SafeConstructor(new LoaderOptions()));
	}

	/**
	 * The objects of one render.
	 *
	 * @param objects every non-empty document, in render order
	 */
	record Manifests(List<Map<String, Object>> objects) {

		static Manifests parse(String output) {
			List<Map<String, Object>> objects = new ArrayList<>();
			for (Object document : yaml().loadAll(output)) {
				if (document instanceof Map<?, ?> map) {
					objects.add(new LinkedHashMap<>(Yamls.asMap(map)));
				}
			}
			return new Manifests(objects);
		}

		List<String> kindsAndNames() {
			return this.objects.stream()
				.map((object) -> object.get("kind") + "/" + Yamls.at(object, "metadata", "name"))
				.sorted()
				.toList();
		}

		List<Map<String, Object>> ofKind(String kind) {
			return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
		}

		Map<String, Object> get(String kind, String name) {
			return ofKind(kind).stream()
				.filter((object) -> name.equals(Yamls.at(object, "metadata", "name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + kindsAndNames()));
		}

		/**
		 * The first container of a Deployment.
		 * @param name the Deployment name
		 * @return its container
		 */
		Map<String, Object> container(String name) {
			return Yamls.map(get("Deployment", name), "spec", "template", "spec", "containers", 0);
		}

	}

}
