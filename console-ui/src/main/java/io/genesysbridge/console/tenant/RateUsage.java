package io.genesysbridge.console.tenant;

/**
 * A tenant's live rate-limit budget, read from the processor's GCRA buckets on Redis's
 * clock.
 *
 * @param tenantId tenant
 * @param perMinute configured sustained rate
 * @param burst configured burst
 * @param available permits that may be taken right now (0 to {@code burst})
 * @param nextPermitMillis when {@code available} is 0: milliseconds until the next permit
 * @param fullMillis milliseconds until the bucket is full again (0 when idle)
 * @param clientAvailable permits left in the tenant's OAuth client bucket (shared by
 * every tenant of that client)
 * @param penalized whether the client's rate is currently reduced after a Genesys 429
 */
public record RateUsage(String tenantId, int perMinute, int burst, int available, long nextPermitMillis,
		long fullMillis, int clientAvailable, boolean penalized) {

	/**
	 * @return whether no permit is left, so a replay would only be deferred by the
	 * processor
	 */
	public boolean exhausted() {
		return this.available == 0 || this.clientAvailable == 0;
	}

	/**
	 * @return permits in use, in percent of the burst
	 */
	public int usedPercent() {
		return (this.burst <= 0) ? 0 : (int) Math.round(100.0 * (this.burst - this.available) / this.burst);
	}

}
