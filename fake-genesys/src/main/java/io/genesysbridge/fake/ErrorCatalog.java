package io.genesysbridge.fake;

/**
 * Maps an HTTP status to the Genesys error {@code code} and a swagger-style message
 * (contract notes §6.2).
 *
 * <p>
 * Injected faults use this catalogue, so a bridge that branches on {@code code} sees the
 * same strings it would see from Genesys Cloud.
 */
final class ErrorCatalog {

	private ErrorCatalog() {
	}

	static String codeFor(int status) {
		return switch (status) {
			case 400 -> "bad.request";
			case 401 -> "bad.credentials";
			case 403 -> "not.authorized";
			case 404 -> "not.found";
			case 408, 504 -> "request.timeout";
			case 409 -> "conflict";
			case 413 -> "request.entity.too.large";
			case 415 -> "unsupported.media.type";
			case 429 -> "too.many.requests.retry.after";
			case 500 -> "internal.server.error";
			case 502, 503 -> "service.unavailable";
			default -> status >= 500 ? "internal.server.error" : "bad.request";
		};
	}

	static String messageFor(int status) {
		return switch (status) {
			case 400 -> "The request could not be understood by the server due to malformed syntax.";
			case 401 -> "Invalid login credentials.";
			case 403 -> "You are not authorized to perform the requested action.";
			case 404 -> "The requested resource was not found.";
			case 408 -> "The client did not produce a request within the server timeout limit.";
			case 409 -> "The request conflicts with the current state of the target resource.";
			case 413 -> "The request is over the size limit. Maximum bytes: 1048576";
			case 415 ->
				"Unsupported Media Type - Unsupported or incorrect media type, such as an incorrect Content-Type value in the header.";
			case 500 ->
				"The server encountered an unexpected condition which prevented it from fulfilling the request.";
			case 502 -> "Bad Gateway.";
			case 503 ->
				"Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).";
			case 504 -> "The request timed out.";
			default -> "Request failed with status " + status + ".";
		};
	}

}
