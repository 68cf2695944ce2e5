package io.genesysbridge.fake;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one fake instance remembers: knobs, clients and tokens, integrations, users,
 * conversations, faults, rate windows and recordings.
 *
 * <p>
 * Shared by the public facade, the HTTP handlers and the control API, so a change made
 * through any of them is seen by the others at once.
 */
final class GenesysState {

	final Knobs knobs = new Knobs();

	final TokenRegistry tokens = new TokenRegistry();

	final FaultPlan faults = new FaultPlan();

	final RateLimiter rateLimiter = new RateLimiter();

	final InboundLedger ledger = new InboundLedger();

	final ConversationBook conversations = new ConversationBook();

	final UserDirectory users = new UserDirectory();

	private final Set<String> integrations = ConcurrentHashMap.newKeySet();

	void registerIntegration(String integrationId) {
		this.integrations.add(integrationId);
	}

	boolean knowsIntegration(String integrationId) {
		return this.integrations.contains(integrationId);
	}

	/**
	 * Clears recordings, conversations, faults, tokens, rate windows and knobs; keeps
	 * clients, integrations and users.
	 */
	void reset() {
		this.knobs.reset();
		this.faults.clear();
		this.rateLimiter.clear();
		this.tokens.forgetTokens();
		this.ledger.clear();
		this.conversations.clear();
	}

}
