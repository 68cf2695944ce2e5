package io.genesysbridge.helm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Navigation in parsed YAML: {@code at(doc, "spec", "containers", 0, "name")} walks map
 * keys (strings, which may contain dots such as label names) and list indexes (integers).
 */
final class Yamls {

	private Yamls() {
	}

	static @Nullable Object at(@Nullable Object root, Object... path) {
		Object node = root;
		for (Object step : path) {
			if (step instanceof Integer index && node instanceof List<?> list) {
				node = (index < list.size()) ? list.get(index) : null;
			}
			else if (node instanceof Map<?, ?> map) {
				node = map.get(step);
			}
			else {
				return null;
			}
		}
		return node;
	}

	static Map<String, Object> map(Object root, Object... path) {
		return asMap(Objects.requireNonNull(at(root, path), () -> "nothing at " + List.of(path)));
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object root, Object... path) {
		return (List<Object>) Objects.requireNonNull(at(root, path), () -> "nothing at " + List.of(path));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object node) {
		return (Map<String, Object>) node;
	}

	/**
	 * A container's environment as name to value, or to {@code secret:<name>/<key>} for a
	 * secretKeyRef.
	 * @param container a container object
	 * @return the variables by name
	 */
	static Map<String, String> env(Map<String, Object> container) {
		return list(container, "env").stream()
			.map(Yamls::asMap)
			.collect(Collectors.toMap((variable) -> (String) variable.get("name"), Yamls::envValue, (a, b) -> b,
					LinkedHashMap::new));
	}

	private static String envValue(Map<String, Object> variable) {
		Object secretName = at(variable, "valueFrom", "secretKeyRef", "name");
		if (secretName != null) {
			return "secret:" + secretName + "/" + at(variable, "valueFrom", "secretKeyRef", "key");
		}
		return String.valueOf(variable.get("value"));
	}

}
