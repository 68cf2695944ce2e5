package io.genesysbridge.backend.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of every error answer of the API. Never carries a stack trace, a message text or a
 * secret.
 *
 * @param error stable error code, e.g. {@code genesys_error}, {@code validation_failed},
 * {@code tenant_not_found}
 * @param message what went wrong, for people
 * @param status for {@code genesys_error}: the HTTP status Genesys answered (the response's
 * own status may differ, see the API documentation)
 * @param code for {@code genesys_error}: Genesys's error code, e.g. {@code not.found}; for
 * other errors: a finer reason, if any
 * @param contextId for {@code genesys_error}: Genesys's context id, to quote to Genesys
 * support
 * @param operation for {@code genesys_error}: which Genesys call failed
 * @param fields for {@code validation_failed}: each invalid field and why
 * @param requestId for {@code internal_error}: the id of the request in the server log
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Error", description = "Error answer of the API")
record ApiError(String error, String message, @Nullable Integer status, @Nullable String code,
		@Nullable String contextId, @Nullable String operation, List<FieldProblem> fields,
		@Nullable String requestId) {

	ApiError {
		fields = List.copyOf(fields);
	}

	static ApiError of(String error, String message) {
		return new ApiError(error, message, null, null, null, null, List.of(), null);
	}

	/**
	 * @param field the request field (JSON path, or parameter name)
	 * @param reason why it was rejected
	 */
	record FieldProblem(String field, String reason) {
	}

}
