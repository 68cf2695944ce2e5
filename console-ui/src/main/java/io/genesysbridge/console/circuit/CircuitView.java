package io.genesysbridge.console.circuit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Genesys org's circuit breaker as the processor last mirrored it.
 *
 * @param name circuit name ({@code genesys-<tenantId>})
 * @param tenantId the tenant (org) it guards
 * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN, ..., or {@code UNKNOWN} before any
 * call
 * @param since when it entered that state (ISO-8601), or empty
 * @param failureRate failure rate in percent, or negative when too few calls were made
 * @param replica the processor replica that wrote the state last
 * @param forced the last operator command, or null
 * @param transitions recent transitions, newest first
 */
public record CircuitView(String name, String tenantId, String state, String since, double failureRate, String replica,
		@Nullable Forced forced, List<Transition> transitions) {

	/**
	 * @return whether calls to the org are refused (the processor defers its messages)
	 */
	public boolean open() {
		return "OPEN".equals(this.state) || "FORCED_OPEN".equals(this.state)
				|| (this.forced != null && "FORCED_OPEN".equals(this.forced.state()));
	}

	/**
	 * An operator's command.
	 *
	 * @param state FORCED_OPEN or CLOSED
	 * @param at epoch millis
	 * @param by who
	 * @param reason why
	 */
	public record Forced(String state, long at, String by, String reason) {
	}

	/**
	 * One state change.
	 *
	 * @param from previous state
	 * @param to new state
	 * @param at when (ISO-8601)
	 * @param cause why (failure rate and last failure reason, or the operator's command)
	 * @param replica which processor replica saw it
	 */
	public record Transition(String from, String to, String at, String cause, String replica) {
	}

}
