package io.genesysbridge.backend.api;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses itself, before or instead of calling Genesys: an unknown or
 * disabled tenant, a key not allowed for the tenant, an integration the tenant does not own.
 */
final class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	private ApiProblem(HttpStatus status, String error, String message) {
		super(message, null, false, false);
		this.status = status;
		this.error = error;
	}

	static ApiProblem tenantNotFound(String tenantId) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "tenant_not_found", "No tenant " + tenantId);
	}

	static ApiProblem tenantDisabled(String tenantId) {
		return new ApiProblem(HttpStatus.CONFLICT, "tenant_disabled", "Tenant " + tenantId + " is disabled");
	}

	static ApiProblem tenantForbidden(String client, String tenantId) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "tenant_forbidden",
				"API key '" + client + "' may not act for tenant " + tenantId);
	}

	static ApiProblem noIntegration(String tenantId) {
		return new ApiProblem(HttpStatus.CONFLICT, "tenant_no_integration",
				"Tenant " + tenantId + " has no Open Messaging integration");
	}

	static ApiProblem unknownIntegration(String tenantId, String integrationId) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "unknown_integration",
				"Integration " + integrationId + " is not one of tenant " + tenantId);
	}

	static ApiProblem noCustomer(String conversationId) {
		return new ApiProblem(HttpStatus.CONFLICT, "no_customer_participant",
				"Conversation " + conversationId + " has no customer participant");
	}

	HttpStatus status() {
		return this.status;
	}

	String error() {
		return this.error;
	}

}
