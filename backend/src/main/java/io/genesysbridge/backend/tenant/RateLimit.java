package io.genesysbridge.backend.tenant;

/**
 * A tenant's Genesys request budget.
 *
 * @param perMinute sustained requests per minute (Genesys allows about 300 per OAuth client)
 * @param burst requests that may go at once above the sustained rate
 */
public record RateLimit(int perMinute, int burst) {

	/** Safe for Genesys's published 300 requests/min per client-credentials token. */
	public static final RateLimit DEFAULT = new RateLimit(280, 20);

	public RateLimit {
		if (perMinute <= 0 || burst <= 0) {
			throw new IllegalArgumentException("rate limit must be positive: " + perMinute + "/min burst " + burst);
		}
	}

}
