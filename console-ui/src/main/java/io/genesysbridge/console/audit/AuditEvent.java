package io.genesysbridge.console.audit;

import java.util.List;

/**
 * An action to write to the audit log; see {@link AuditEntry} for the fields.
 *
 * @param actor who acted
 * @param action what was done, e.g. {@code tenant.pause}
 * @param targets ids acted on
 * @param count items covered
 * @param reason the operator's reason, or empty
 * @param result how it ended
 * @param detail a short explanation, or empty
 * @param operation the bulk operation id, or empty
 */
public record AuditEvent(String actor, String action, List<String> targets, int count, String reason, Result result,
		String detail, String operation) {

	/**
	 * @param actor who acted
	 * @param action what was done
	 * @param target the one id acted on
	 * @param reason the operator's reason, or empty
	 * @param result how it ended
	 * @param detail a short explanation, or empty
	 * @return the event
	 */
	public static AuditEvent of(String actor, String action, String target, String reason, Result result,
			String detail) {
		return new AuditEvent(actor, action, List.of(target), 1, reason, result, detail, "");
	}

	/**
	 * @param operation the bulk operation id
	 * @return this event, attached to that operation
	 */
	public AuditEvent inOperation(String operation) {
		return new AuditEvent(this.actor, this.action, this.targets, this.count, this.reason, this.result, this.detail,
				operation);
	}

	/** How an audited action ended. */
	public enum Result {

		/** Done. */
		OK,

		/**
		 * Not done: not allowed, or not possible in the current state (e.g. already
		 * replayed).
		 */
		REFUSED,

		/** Tried and failed (e.g. no publisher confirm). */
		FAILED

	}

}
