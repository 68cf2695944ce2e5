package io.genesysbridge.fake;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Reads JSON object request bodies for the API handlers.
 */
final class JsonBodies {

	private JsonBodies() {
	}

	/**
	 * @return the body as a map
	 * @throws IllegalArgumentException when the body is missing, not JSON or not an object
	 */
	static Map<?, ?> object(LoggedRequest request) {
		if (!(JsonText.parse(request.getBodyAsString()) instanceof Map<?, ?> body)) {
			throw new IllegalArgumentException("the body must be a JSON object");
		}
		return body;
	}

}
