package io.genesysbridge.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The result table (scenario, metric, baseline, result, target, verdict) and the notes
 * gathered along the way; printed as text and as Markdown for docs/benchmarks.md.
 */
final class Report {

	enum Verdict {

		PASS, FAIL, INFO

	}

	record Row(String scenario, String metric, String baseline, String result, String target, Verdict verdict) {
	}

	private final List<Row> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(String scenario, String metric, String baseline, String result, String target, Verdict verdict) {
		this.rows.add(new Row(scenario, metric, baseline, result, target, verdict));
		System.out.printf("  -> %s | %s | baseline %s | result %s | target %s | %s%n", scenario, metric, baseline,
				result, target, verdict);
	}

	void add(String scenario, String metric, String baseline, String result, String target, boolean pass) {
		add(scenario, metric, baseline, result, target, pass ? Verdict.PASS : Verdict.FAIL);
	}

	void note(String text) {
		this.notes.add(text);
		System.out.println("  " + text);
	}

	List<Row> rows() {
		return this.rows;
	}

	boolean allPassed() {
		return this.rows.stream().noneMatch((row) -> row.verdict() == Verdict.FAIL);
	}

	String text() {
		String[] headers = { "scenario", "metric", "baseline", "result", "target", "" };
		int[] widths = new int[headers.length];
		for (int i = 0; i < headers.length; i++) {
			widths[i] = headers[i].length();
		}
		for (Row row : this.rows) {
			String[] cells = cells(row);
			for (int i = 0; i < cells.length; i++) {
				widths[i] = Math.max(widths[i], cells[i].length());
			}
		}
		StringBuilder out = new StringBuilder();
		line(out, headers, widths);
		StringBuilder rule = new StringBuilder();
		for (int width : widths) {
			rule.append("-".repeat(width)).append("-+-");
		}
		out.append(rule, 0, rule.length() - 3).append('\n');
		for (Row row : this.rows) {
			line(out, cells(row), widths);
		}
		return out.toString();
	}

	String markdown() {
		StringBuilder out = new StringBuilder("| Scenario | Metric | Baseline | Result | Target | |\n|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			String[] cells = cells(row);
			out.append("| ");
			for (int i = 0; i < cells.length; i++) {
				out.append(cells[i].replace("|", "\\|")).append((i < cells.length - 1) ? " | " : " |\n");
			}
		}
		out.append('\n');
		for (String note : this.notes) {
			out.append("- ").append(note).append('\n');
		}
		return out.toString();
	}

	private static String[] cells(Row row) {
		return new String[] { row.scenario(), row.metric(), row.baseline(), row.result(), row.target(),
				(row.verdict() == Verdict.INFO) ? "" : row.verdict().name() };
	}

	private static void line(StringBuilder out, String[] cells, int[] widths) {
		for (int i = 0; i < cells.length; i++) {
			out.append(String.format("%-" + widths[i] + "s", cells[i]));
			out.append((i < cells.length - 1) ? " | " : "\n");
		}
	}

}
