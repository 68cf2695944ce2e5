package io.genesysbridge.backend.deferral;

/**
 * Headers a deferred message carries.
 */
public final class DeferralHeaders {

	/** How many times the message was deferred so far. */
	public static final String COUNT = "x-bridge-deferrals";

	/** Why it was last deferred: {@code ratelimit}, {@code circuit.open}, {@code tenant.paused}, … */
	public static final String REASON = "x-bridge-deferred-reason";

	/** ISO-8601 instant of its first deferral. */
	public static final String FIRST_AT = "x-bridge-first-deferred-at";

	private DeferralHeaders() {
	}

}
