package io.genesysbridge.backend.genesys;

import reactor.core.publisher.Mono;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Wraps every Genesys API call of a tenant (rate limiting, circuit breaking) as a Reactor
 * operator. Guards are applied outermost first by ascending {@link #order()}, so a guard that
 * refuses (an open circuit) spends nothing of the inner ones (rate-limit permits). A call guard
 * wraps the whole call, its token fetch included; a {@link #perRequest()} guard is inside all of
 * them and wraps each HTTP request once its token is at hand.
 */
public interface GenesysCallGuard {

	/**
	 * @return true to wrap each HTTP request to the Platform API (once the token is at hand, and
	 * again for the retry after a 401), false to wrap the whole call including the token fetch
	 */
	default boolean perRequest() {
		return false;
	}

	/**
	 * @return position, lower is outer
	 */
	int order();

	/**
	 * @param tenant whose call it is
	 * @param operation low-cardinality operation name
	 * @param call the call, not yet subscribed
	 * @return the guarded call
	 */
	<T> Mono<T> guard(Tenant tenant, String operation, Mono<T> call);

}
