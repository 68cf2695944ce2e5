package io.genesysbridge.backend.genesys;

import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.resilience.FailureClass;

/**
 * Genesys refused the request for good (400, 403, 404, 409, 413, 415, a repeated 401, or a
 * rejected OAuth client): retrying cannot help, the message is dead-lettered.
 */
public class GenesysRejectedException extends GenesysClientException {

	GenesysRejectedException(String operation, int status, @Nullable String code, @Nullable String contextId) {
		super(operation, status, code, contextId, null);
	}

	@Override
	public FailureClass failureClass() {
		return FailureClass.PERMANENT;
	}

}
