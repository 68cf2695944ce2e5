package io.genesysbridge.backend.dedupe;

import org.jspecify.annotations.Nullable;

/**
 * The answer to "may I deliver this message?".
 *
 * @param state what the claim found
 * @param key the Redis key
 * @param value our pending marker when {@code CLAIMED}, else what was found
 * @param genesysMessageId for {@code DELIVERED}: the Genesys message id recorded at delivery
 * @param conversationId for {@code DELIVERED}: the conversation id recorded at delivery
 */
public record DedupeClaim(State state, String key, @Nullable String value, @Nullable String genesysMessageId,
		@Nullable String conversationId) {

	/**
	 * Outcome of a claim.
	 */
	public enum State {

		/** This caller owns the message now: deliver, then mark delivered or release. */
		CLAIMED,

		/** Already delivered: acknowledge without calling Genesys. */
		DELIVERED,

		/** Another consumer is delivering it right now: try again later. */
		IN_FLIGHT,

		/** Redis is unreachable: deliver anyway (fail-open), nothing to mark or release. */
		UNAVAILABLE

	}

}
