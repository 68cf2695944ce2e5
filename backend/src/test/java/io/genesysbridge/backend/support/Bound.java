package io.genesysbridge.backend.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Builds a {@code @ConfigurationProperties} record the way Boot does, from its defaults plus the
 * given properties, so tests that construct components by hand keep working when a record gains
 * a component.
 */
public final class Bound {

	private Bound() {
	}

	/**
	 * @param prefix the record's prefix, e.g. {@code app.ordering}
	 * @param type the record
	 * @param properties alternating names (relative to the prefix) and values
	 * @param <T> the record type
	 * @return the bound record
	 */
	public static <T> T properties(String prefix, Class<T> type, String... properties) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < properties.length; i += 2) {
			values.put(prefix + "." + properties[i], properties[i + 1]);
		}
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
	}

}
