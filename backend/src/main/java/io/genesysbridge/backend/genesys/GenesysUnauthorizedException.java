package io.genesysbridge.backend.genesys;

import org.jspecify.annotations.Nullable;

/**
 * The API refused the bearer token (401). The client fetches a new token and retries once; a
 * second 401 surfaces as this permanent failure.
 */
final class GenesysUnauthorizedException extends GenesysRejectedException {

	GenesysUnauthorizedException(String operation, @Nullable String code, @Nullable String contextId) {
		super(operation, 401, code, contextId);
	}

}
