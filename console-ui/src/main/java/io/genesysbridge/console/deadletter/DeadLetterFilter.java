package io.genesysbridge.console.deadletter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The list page's filter as the query string carries it (bookmarkable), bound by Spring
 * MVC. Times are {@code datetime-local} values in UTC.
 *
 * @param tenant tenant id
 * @param reason reason code
 * @param group failure fingerprint
 * @param ref message id, correlation id or dead-letter id
 * @param status {@code WAITING} (the default), another status, or {@code ALL}
 * @param from last failure at or after
 * @param to last failure before
 */
public record DeadLetterFilter(@Nullable String tenant, @Nullable String reason, @Nullable String group,
		@Nullable String ref, @Nullable String status, @Nullable String from, @Nullable String to) {

	/**
	 * @return the store query
	 */
	public DeadLetterQuery toQuery() {
		return new DeadLetterQuery(clean(this.tenant), clean(this.reason), clean(this.group), clean(this.ref),
				statuses(), time(this.from), time(this.to));
	}

	/**
	 * @return the status filter's value for the form
	 */
	public String statusValue() {
		return clean(this.status).isEmpty() ? DeadLetterStatus.WAITING.name() : clean(this.status);
	}

	/**
	 * @return the non-empty filter values, for links and hidden form fields
	 */
	public Map<String, String> values() {
		Map<String, String> values = new LinkedHashMap<>();
		put(values, "tenant", this.tenant);
		put(values, "reason", this.reason);
		put(values, "group", this.group);
		put(values, "ref", this.ref);
		put(values, "status", statusValue());
		put(values, "from", this.from);
		put(values, "to", this.to);
		return values;
	}

	/**
	 * @param changes values to set (empty removes)
	 * @return the list URL with this filter and the changes
	 */
	public String link(Map<String, String> changes) {
		Map<String, String> values = values();
		changes.forEach((name, value) -> {
			if (value.isEmpty()) {
				values.remove(name);
			}
			else {
				values.put(name, value);
			}
		});
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/dead-letters");
		values.forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

	private Set<DeadLetterStatus> statuses() {
		String value = statusValue();
		if ("ALL".equalsIgnoreCase(value)) {
			return Set.of();
		}
		try {
			return EnumSet.of(DeadLetterStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return EnumSet.of(DeadLetterStatus.WAITING);
		}
	}

	private static void put(Map<String, String> values, String name, @Nullable String value) {
		if (!clean(value).isEmpty()) {
			values.put(name, clean(value));
		}
	}

	private static String clean(@Nullable String value) {
		return (value != null) ? value.trim() : "";
	}

	private static @Nullable Instant time(@Nullable String value) {
		if (clean(value).isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(clean(value)).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
