package io.genesysbridge.console.replay;

/**
 * How one replay of one dead letter ended.
 *
 * @param kind what happened
 * @param detail explanation for the operator and the audit log
 */
record ReplayOutcome(Kind kind, String detail) {

	enum Kind {

		/** Published with a broker confirm and marked replayed. */
		REPLAYED,

		/**
		 * Published with a confirm, but a newer failure of the message arrived meanwhile.
		 */
		FAILED_AGAIN,

		/** Not claimed: already replaying, replayed, archived, gone, or truncated. */
		REFUSED,

		/** The broker refused the publish; the dead letter is waiting again. */
		FAILED,

		/**
		 * No confirm in time; the dead letter stays claimed and the recovery job finishes
		 * it.
		 */
		UNCERTAIN

	}

	boolean published() {
		return this.kind == Kind.REPLAYED || this.kind == Kind.FAILED_AGAIN;
	}

}
