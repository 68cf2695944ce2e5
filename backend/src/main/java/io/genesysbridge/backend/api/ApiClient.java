package io.genesysbridge.backend.api;

import java.util.Set;

/**
 * An authenticated calling service: the name its API key was registered under and the
 * tenants it may act for.
 *
 * @param name the calling service
 * @param tenants allowed tenant ids; empty means every tenant
 */
record ApiClient(String name, Set<String> tenants) {

	ApiClient {
		tenants = Set.copyOf(tenants);
	}

	boolean mayActFor(String tenantId) {
		return this.tenants.isEmpty() || this.tenants.contains(tenantId);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
