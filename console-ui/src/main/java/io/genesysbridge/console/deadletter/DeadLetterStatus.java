package io.genesysbridge.console.deadletter;

/**
 * Where a dead letter stands. A replay moves it WAITING → REPLAYING → REPLAYED (or back
 * to WAITING if the publish was refused); every transition is a compare-and-set in Redis,
 * so two clicks, two operators or a bulk replay racing a single one never publish it
 * twice.
 */
public enum DeadLetterStatus {

	/** Stored, waiting for an operator. */
	WAITING,

	/**
	 * Claimed by one replay, publishing; a crash here is finished by the recovery job.
	 */
	REPLAYING,

	/** Published back to the input with a broker confirm. */
	REPLAYED,

	/** Archived (soft-deleted) by an admin with a reason; can be restored. */
	ARCHIVED;

	/**
	 * @param value a stored status, possibly empty
	 * @return the status, WAITING when unknown
	 */
	static DeadLetterStatus parse(String value) {
		for (DeadLetterStatus status : values()) {
			if (status.name().equals(value)) {
				return status;
			}
		}
		return WAITING;
	}

}
