package io.genesysbridge.console.tenant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the tenants page and of its live JSON.
 *
 * @param tenant the record
 * @param usage the live rate-limit budget
 * @param pause the pause, or null when running
 * @param waitingDeadLetters dead letters of the tenant waiting for an operator
 */
record TenantRow(TenantRecord tenant, RateUsage usage, TenantPauses.@Nullable Pause pause, long waitingDeadLetters) {

	public boolean paused() {
		return this.pause != null;
	}

}
