package io.genesysbridge.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * Asserts the Genesys {@code ErrorBody} contract (status, code, contextId mirrored in
 * {@code ININ-Correlation-Id}, empty details and errors) in one place.
 */
final class GenesysErrors {

	private GenesysErrors() {
	}

	static Map<String, Object> assertErrorBody(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		Map<String, Object> body = GenesysHttp.json(response);
		assertThat(body).containsEntry("code", code).containsEntry("status", status);
		assertThat(body.get("message")).asString().isNotBlank();
		assertThat(body).containsEntry("details", java.util.List.of()).containsEntry("errors", java.util.List.of());
		String contextId = (String) body.get("contextId");
		assertThat(UUID.fromString(contextId)).hasToString(contextId);
		assertThat(response.headers().firstValue("ININ-Correlation-Id")).contains(contextId);
		return body;
	}

}
