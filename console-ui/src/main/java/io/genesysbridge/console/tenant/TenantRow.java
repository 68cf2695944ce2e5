package io.genesysbridge.console.tenant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the tenants page and of its live JSON.
 *
 * @param tenant the record
 * @param usage the live rate-limit budget
 * @param pause the pause, or null when running
 * @param waitingDeadLetters dead letters of the tenant waiting for an operator
 * @param deferred the processor's deferrals of the tenant's messages in the last minutes
 * @param throttled Genesys 429s the processor got for the tenant in the last minutes
 */
record TenantRow(TenantRecord tenant, RateUsage usage, TenantPauses.@Nullable Pause pause, long waitingDeadLetters,
		long deferred, long throttled) {

	public boolean paused() {
		return this.pause != null;
	}

}
