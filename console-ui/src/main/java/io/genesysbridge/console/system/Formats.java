package io.genesysbridge.console.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Formatting for the templates, as {@code ${@fmt.time(x)}}: every time is shown in UTC,
 * the clock of the processor's logs and headers.
 */
@Component("fmt")
public class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param instant an instant, or null
	 * @return e.g. {@code 2026-11-21 23:00:35 UTC}, or empty
	 */
	public String time(@Nullable Instant instant) {
		return (instant != null && !Instant.EPOCH.equals(instant)) ? TIME.format(instant) : "";
	}

	/**
	 * @param instant an instant, or null
	 * @return the value of a {@code datetime-local} input (UTC), or empty
	 */
	public String input(@Nullable Instant instant) {
		return (instant != null) ? INPUT.format(instant) : "";
	}

	/**
	 * @param iso an ISO-8601 instant as the processor writes it, or empty
	 * @return it formatted like {@link #time}, or the text unchanged if it is not an
	 * instant
	 */
	public String iso(@Nullable String iso) {
		if (iso == null || iso.isEmpty()) {
			return "";
		}
		try {
			return time(Instant.parse(iso));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return iso;
		}
	}

	/**
	 * @param counts counts by name
	 * @return e.g. {@code ratelimit: 12, circuit.open: 3}, or a dash when empty
	 */
	public String counts(java.util.Map<String, ? extends Number> counts) {
		String text = counts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().doubleValue() > 0)
			.map((entry) -> entry.getKey() + ": " + Math.round(entry.getValue().doubleValue()))
			.collect(java.util.stream.Collectors.joining(", "));
		return text.isEmpty() ? "–" : text;
	}

	/**
	 * @param instant a past instant
	 * @return e.g. {@code 3 min ago}
	 */
	public String ago(@Nullable Instant instant) {
		return (instant != null && !Instant.EPOCH.equals(instant)) ? Durations.ago(instant, this.clock.instant()) : "";
	}

	/**
	 * @param instant a future instant
	 * @return e.g. {@code in 6 d 23 h}
	 */
	public String until(@Nullable Instant instant) {
		return (instant != null && !Instant.EPOCH.equals(instant)) ? Durations.until(instant, this.clock.instant())
				: "";
	}

}
