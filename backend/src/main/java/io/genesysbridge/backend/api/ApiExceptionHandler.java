package io.genesysbridge.backend.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import io.genesysbridge.backend.genesys.GenesysClientException;

/**
 * The one place where failures of API calls become {@link ApiError} answers: validation
 * (400 with each field and reason), the API's own refusals ({@link ApiProblem}), Genesys
 * errors and everything else ({@link FailureResponses}). No stack trace ever reaches a
 * caller.
 */
@RestControllerAdvice(assignableTypes = { InboundController.class, ConversationController.class,
		DirectoryController.class, AgentlessController.class })
class ApiExceptionHandler {

	private final FailureResponses failures;

	ApiExceptionHandler(FailureResponses failures) {
		this.failures = failures;
	}

	@ExceptionHandler
	ResponseEntity<ApiError> problem(ApiProblem problem) {
		return ResponseEntity.status(problem.status()).body(ApiError.of(problem.error(), problem.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> genesys(GenesysClientException failure) {
		return this.failures.genesys(failure);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> invalidBody(WebExchangeBindException invalid) {
		List<ApiError.FieldProblem> fields = new ArrayList<>();
		invalid.getGlobalErrors().forEach((error) -> fields.add(problem(error.getObjectName(), error)));
		invalid.getFieldErrors().forEach((error) -> fields.add(problem(error.getField(), error)));
		return validationFailed(fields);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException invalid) {
		List<ApiError.FieldProblem> fields = new ArrayList<>();
		invalid.getParameterValidationResults().forEach((result) -> result.getResolvableErrors().forEach((error) -> {
			String name = (error instanceof FieldError field) ? field.getField()
					: result.getMethodParameter().getParameterName();
			fields.add(problem(String.valueOf(name), error));
		}));
		return validationFailed(fields);
	}

	@ExceptionHandler
	ResponseEntity<ApiError> unreadable(ServerWebInputException unreadable) {
		String reason = (unreadable.getReason() != null) ? unreadable.getReason() : "Invalid request";
		return ResponseEntity.badRequest().body(ApiError.of("bad_request", reason));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> status(ResponseStatusException refused) {
		HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
		String reason = (refused.getReason() != null) ? refused.getReason()
				: ((status != null) ? status.getReasonPhrase() : "Request refused");
		return ResponseEntity.status(refused.getStatusCode())
			.body(ApiError.of("http_" + refused.getStatusCode().value(), reason));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> other(Exception failure, ServerWebExchange exchange) {
		return this.failures.other(failure, exchange.getRequest().getId());
	}

	private static ResponseEntity<ApiError> validationFailed(List<ApiError.FieldProblem> fields) {
		ApiError body = new ApiError("validation_failed", "The request is invalid: see fields", null, null, null, null,
				fields, null);
		return ResponseEntity.badRequest().body(body);
	}

	private static ApiError.FieldProblem problem(String field, MessageSourceResolvable error) {
		return new ApiError.FieldProblem(field,
				(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "invalid");
	}

}
