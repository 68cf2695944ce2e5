package io.genesysbridge.console.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal reader of the Prometheus text exposition format: one sample per line,
 * comments skipped, label values unescaped.
 */
final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * One sample.
	 *
	 * @param name metric name
	 * @param labels label values by name
	 * @param value the value
	 */
	record Sample(String name, Map<String, String> labels, double value) {

		String label(String label) {
			return this.labels.getOrDefault(label, "");
		}

	}

	static List<Sample> parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			String trimmed = line.trim();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			Sample sample = parseLine(trimmed);
			if (sample != null) {
				samples.add(sample);
			}
		}
		return samples;
	}

	private static Sample parseLine(String line) {
		int brace = line.indexOf('{');
		int space = line.indexOf(' ');
		Map<String, String> labels = new LinkedHashMap<>();
		String name;
		int rest;
		if (brace >= 0 && (space < 0 || brace < space)) {
			name = line.substring(0, brace);
			rest = parseLabels(line, brace + 1, labels);
			if (rest < 0) {
				return null;
			}
		}
		else if (space > 0) {
			name = line.substring(0, space);
			rest = space;
		}
		else {
			return null;
		}
		String[] value = line.substring(rest).trim().split("\\s+");
		try {
			return new Sample(name, labels, Double.parseDouble(value[0].replace("Inf", "Infinity")));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * @return the index after the closing brace, or -1
	 */
	private static int parseLabels(String line, int start, Map<String, String> labels) {
		int i = start;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c == '}') {
				return i + 1;
			}
			if (c == ',' || c == ' ') {
				i++;
				continue;
			}
			int eq = line.indexOf('=', i);
			if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
				return -1;
			}
			String label = line.substring(i, eq).trim();
			StringBuilder value = new StringBuilder();
			int j = eq + 2;
			while (j < line.length() && line.charAt(j) != '"') {
				char v = line.charAt(j);
				if (v == '\\' && j + 1 < line.length()) {
					char next = line.charAt(++j);
					value.append((next == 'n') ? '\n' : next);
				}
				else {
					value.append(v);
				}
				j++;
			}
			labels.put(label, value.toString());
			i = j + 1;
		}
		return -1;
	}

}
