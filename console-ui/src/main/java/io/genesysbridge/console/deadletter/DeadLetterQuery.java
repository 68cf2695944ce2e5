package io.genesysbridge.console.deadletter;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A filter over dead letters, as the list page's bookmarkable query string carries it.
 *
 * @param tenant exact tenant id, or empty
 * @param reason exact reason code, or empty
 * @param fingerprint exact failure group, or empty
 * @param ref a message id or correlation id (exact), or a dead-letter id, or empty
 * @param statuses statuses to include; empty means all
 * @param from last failure at or after, or null
 * @param to last failure before, or null
 */
public record DeadLetterQuery(String tenant, String reason, String fingerprint, String ref,
		Set<DeadLetterStatus> statuses, @Nullable Instant from, @Nullable Instant to) {

	/** Every waiting dead letter. */
	public static final DeadLetterQuery WAITING = new DeadLetterQuery("", "", "", "", Set.of(DeadLetterStatus.WAITING),
			null, null);

	/**
	 * @param summary a dead letter
	 * @return whether it passes every filter
	 */
	public boolean matches(DeadLetterSummary summary) {
		return (this.tenant.isEmpty() || this.tenant.equals(summary.tenant()))
				&& (this.reason.isEmpty() || this.reason.equals(summary.reason()))
				&& (this.fingerprint.isEmpty() || this.fingerprint.equals(summary.fingerprint()))
				&& (this.statuses.isEmpty() || this.statuses.contains(summary.status()))
				&& (this.from == null || !summary.lastFailure().isBefore(this.from))
				&& (this.to == null || summary.lastFailure().isBefore(this.to));
	}

	/**
	 * @return a one-line description for confirmations and the audit log
	 */
	public String describe() {
		StringBuilder text = new StringBuilder();
		append(text, "tenant", this.tenant);
		append(text, "reason", this.reason);
		append(text, "group", this.fingerprint);
		append(text, "id", this.ref);
		if (!this.statuses.isEmpty()) {
			append(text, "status", String.join("|", this.statuses.stream().map(Enum::name).sorted().toList()));
		}
		append(text, "from", (this.from != null) ? this.from.toString() : "");
		append(text, "to", (this.to != null) ? this.to.toString() : "");
		return text.isEmpty() ? "all" : text.toString();
	}

	private static void append(StringBuilder text, String name, String value) {
		if (!value.isEmpty()) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(name).append('=').append(value);
		}
	}

}
