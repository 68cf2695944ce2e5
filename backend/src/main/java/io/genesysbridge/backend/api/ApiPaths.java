package io.genesysbridge.backend.api;

/**
 * Paths and identifier rules shared by the API controllers.
 */
final class ApiPaths {

	/** Every API path starts here; the tenant is always explicit. */
	static final String TENANT = "/api/v1/tenants/{tenantId}";

	/** What the API accepts as a tenant, conversation, participant, message or user id. */
	static final String ID = "[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}";

	static final String ID_MESSAGE = "must be 1-128 letters, digits or ._:@+- (starting with a letter or digit)";

	private ApiPaths() {
	}

}
