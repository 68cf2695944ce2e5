package io.genesysbridge.console.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit log: who did what to which ids, why, and how it ended.
 *
 * @param id the stream id (time-ordered)
 * @param at when the action ended
 * @param actor the signed-in user, or {@code system} for the console's own jobs
 * @param action a dotted action name, e.g. {@code deadletter.replay}
 * @param targets the ids acted on (dead letters, tenants, circuits, operations), at most
 * 50
 * @param count how many items the action covered (may exceed the targets listed)
 * @param reason the reason the operator typed, if the action asks for one
 * @param result {@code OK}, {@code REFUSED} (not allowed or not possible) or
 * {@code FAILED}
 * @param detail a short explanation of the result
 * @param operation the bulk operation the entry belongs to, if any
 * @param remote the client address, if the action came from a request
 */
public record AuditEntry(String id, Instant at, String actor, String action, List<String> targets, int count,
		String reason, String result, String detail, String operation, String remote) {
}
