package io.genesysbridge.console.replay;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bulk replay: a frozen set of dead-letter ids replayed at a chosen rate.
 *
 * @param id operation id
 * @param status PREPARED (frozen, waiting for confirmation), RUNNING, PAUSED, CANCELLED
 * or DONE
 * @param scope what was selected (the filter, or "selected")
 * @param total dead letters in the frozen set
 * @param rate messages per second
 * @param done replayed (confirmed by the broker)
 * @param skipped not replayed because they were no longer waiting (replayed or archived
 * meanwhile, expired)
 * @param failed refused by the broker (waiting again)
 * @param held times a message was held back and put at the end
 * @param heldBack why the last message was held back, or empty
 * @param lastError the last publish error, or empty
 * @param createdBy who froze the set
 * @param created when
 * @param confirmedBy who confirmed it
 * @param reason the reason given on confirmation, or empty
 * @param finished when it ended, or null
 */
record BulkReplay(String id, String status, String scope, int total, int rate, int done, int skipped, int failed,
		int held, String heldBack, String lastError, String createdBy, @Nullable Instant created, String confirmedBy,
		String reason, @Nullable Instant finished) {

	/**
	 * @return dead letters not settled yet
	 */
	public int remaining() {
		return Math.max(0, this.total - this.done - this.skipped - this.failed);
	}

	/**
	 * @return percentage settled
	 */
	public int percent() {
		return (this.total == 0) ? 100 : (int) (100L * (this.total - remaining()) / this.total);
	}

	/**
	 * @return estimated seconds left at the chosen rate
	 */
	public long etaSeconds() {
		return (this.rate <= 0) ? 0 : (remaining() + this.rate - 1) / this.rate;
	}

	public boolean active() {
		return "RUNNING".equals(this.status) || "PAUSED".equals(this.status);
	}

	static BulkReplay of(Map<Object, Object> hash) {
		return new BulkReplay(text(hash, "id"), text(hash, "status"), text(hash, "scope"), number(hash, "total"),
				number(hash, "rate"), number(hash, "done"), number(hash, "skipped"), number(hash, "failed"),
				number(hash, "held"), text(hash, "heldBack"), text(hash, "lastError"), text(hash, "createdBy"),
				instant(hash, "createdMs"), text(hash, "confirmedBy"), text(hash, "reason"),
				instant(hash, "finishedMs"));
	}

	private static String text(Map<Object, Object> hash, String field) {
		Object value = hash.get(field);
		return (value != null) ? value.toString() : "";
	}

	private static int number(Map<Object, Object> hash, String field) {
		try {
			return Integer.parseInt(text(hash, field));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable Instant instant(Map<Object, Object> hash, String field) {
		try {
			return Instant.ofEpochMilli(Long.parseLong(text(hash, field)));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
