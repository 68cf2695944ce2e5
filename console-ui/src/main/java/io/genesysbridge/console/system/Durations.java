package io.genesysbridge.console.system;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Short human forms of durations and ages for the pages ("3 min", "2 h 5 min").
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * @param duration a duration, negative counts as zero
	 * @return a compact form such as {@code 45 s}, {@code 3 min}, {@code 2 h 5 min} or
	 * {@code 4 d 3 h}
	 */
	public static String humanize(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return minutes + " min";
		}
		long hours = minutes / 60;
		if (hours < 48) {
			return hours + " h" + ((minutes % 60 != 0) ? " " + (minutes % 60) + " min" : "");
		}
		return (hours / 24) + " d" + ((hours % 24 != 0) ? " " + (hours % 24) + " h" : "");
	}

	/**
	 * @param from an instant, or null
	 * @param now the current instant
	 * @return how long ago {@code from} was, e.g. {@code 3 min ago}; empty for null
	 */
	public static String ago(@Nullable Instant from, Instant now) {
		return (from != null) ? humanize(Duration.between(from, now)) + " ago" : "";
	}

	/**
	 * @param to an instant, or null
	 * @param now the current instant
	 * @return how long until {@code to}, e.g. {@code in 6 d 23 h}; empty for null
	 */
	public static String until(@Nullable Instant to, Instant now) {
		return (to != null) ? "in " + humanize(Duration.between(now, to)) : "";
	}

}
