package io.genesysbridge.fake;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The operator's HTTP control API under {@code /__fake/}: inject and clear faults, read
 * counters, expire tokens, set latency, reset, and peek at recent inbound messages.
 *
 * <p>
 * It is unauthenticated and shares the port with the fake Genesys API, so it is meant for
 * local demos and test rigs only; it never goes through bearer checks, rate limits or
 * latency.
 */
final class ControlApi {

	private static final long DEFAULT_SEED = 42;

	private final GenesysState state;

	ControlApi(GenesysState state) {
		this.state = state;
	}

	ResponseDefinitionBuilder handle(LoggedRequest request) {
		String path = ApiGateway.pathOf(request.getUrl());
		RequestMethod method = request.getMethod();
		try {
			return switch (path) {
				case "/__fake/faults" -> {
					if (method.equals(RequestMethod.POST)) {
						yield injectFaults(request.getBodyAsString());
					}
					if (method.equals(RequestMethod.DELETE)) {
						this.state.faults.clear();
						this.state.knobs.tokenFailureStatus = 0;
						yield Replies.empty(204);
					}
					yield notAllowed(method, path);
				}
				case "/__fake/stats" ->
					method.equals(RequestMethod.GET) ? Replies.json(200, stats()) : notAllowed(method, path);
				case "/__fake/tokens/expire" -> method.equals(RequestMethod.POST)
						? Replies.json(200, Map.of("expiredTokens", this.state.tokens.expireAll()))
						: notAllowed(method, path);
				case "/__fake/latency" -> method.equals(RequestMethod.POST) ? setLatency(request.getBodyAsString())
						: notAllowed(method, path);
				case "/__fake/reset" -> {
					if (!method.equals(RequestMethod.POST)) {
						yield notAllowed(method, path);
					}
					this.state.reset();
					yield Replies.empty(204);
				}
				case "/__fake/inbound" ->
					method.equals(RequestMethod.GET) ? recentInbound(request) : notAllowed(method, path);
				default -> problem(404, "no control endpoint " + path);
			};
		}
		catch (IllegalArgumentException | ClassCastException ex) {
			return problem(400, ex.getMessage());
		}
	}

	/** The counters shown by {@code GET /__fake/stats}. */
	Map<String, Object> stats() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tokenRequests", this.state.tokens.requests());
		body.put("inboundAttempts", this.state.ledger.attempts());
		body.put("inboundAccepted", this.state.ledger.messagesAccepted());
		body.put("receiptsAccepted", this.state.ledger.receiptsAccepted());
		body.put("eventsAccepted", this.state.ledger.eventsAccepted());
		body.put("duplicatesSeen", this.state.ledger.duplicates());
		return body;
	}

	private ResponseDefinitionBuilder injectFaults(String rawBody) {
		Map<?, ?> body = objectBody(rawBody);
		if (!(body.get("status") instanceof Number status)) {
			throw new IllegalArgumentException("'status' (an HTTP error status) is required");
		}
		int code = FaultPlan.checkErrorStatus(status.intValue());
		if (body.get("retryAfterSeconds") instanceof Number seconds) {
			this.state.knobs.retryAfter = Duration.ofSeconds(Math.max(1, seconds.longValue()));
		}
		if ("token".equals(body.get("target"))) {
			this.state.knobs.tokenFailureStatus = code;
			return Replies.json(200, Map.of("target", "token", "status", code));
		}
		if (body.get("count") instanceof Number count) {
			this.state.faults.failNext(Math.max(0, count.intValue()), code);
			return Replies.json(200, Map.of("target", "inbound", "status", code, "count", count.intValue()));
		}
		if (body.get("ratio") instanceof Number ratio) {
			double value = FaultPlan.checkRatio(ratio.doubleValue());
			long seed = (body.get("seed") instanceof Number given) ? given.longValue() : DEFAULT_SEED;
			this.state.faults.failRandomly(value, code, seed);
			return Replies.json(200, Map.of("target", "inbound", "status", code, "ratio", value, "seed", seed));
		}
		throw new IllegalArgumentException("give either 'count' or 'ratio' (or \"target\":\"token\")");
	}

	private ResponseDefinitionBuilder setLatency(String rawBody) {
		Map<?, ?> body = objectBody(rawBody);
		if (!(body.get("ms") instanceof Number millis) || millis.longValue() < 0) {
			throw new IllegalArgumentException("'ms' (a non-negative number of milliseconds) is required");
		}
		this.state.knobs.latencyMillis = millis.longValue();
		return Replies.json(200, Map.of("ms", millis.longValue()));
	}

	private ResponseDefinitionBuilder recentInbound(LoggedRequest request) {
		QueryParameter limitParameter = request.queryParameter("limit");
		int limit = (limitParameter != null && limitParameter.isPresent())
				? Integer.parseInt(limitParameter.firstValue()) : 20;
		List<Object> messages = this.state.ledger.lastMessages(Math.clamp(limit, 0, 1000))
			.stream()
			.map(ControlApi::summary)
			.toList();
		return Replies.json(200, Map.of("messages", messages));
	}

	private static Object summary(RecordedInbound message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("integrationId", message.integrationId());
		body.put("genesysMessageId", message.genesysMessageId());
		body.put("channelMessageId", message.channelMessageId());
		body.put("conversationId", message.conversationId());
		body.put("receivedAt", message.receivedAt().toString());
		body.put("body", JsonText.parse(message.body()));
		return body;
	}

	private static Map<?, ?> objectBody(String rawBody) {
		if (!(JsonText.parse(rawBody) instanceof Map<?, ?> body)) {
			throw new IllegalArgumentException("the body must be a JSON object");
		}
		return body;
	}

	private static ResponseDefinitionBuilder notAllowed(RequestMethod method, String path) {
		return problem(405, method + " is not supported on " + path);
	}

	private static ResponseDefinitionBuilder problem(int status, String message) {
		return Replies.json(status, Map.of("error", (message != null) ? message : "bad request"));
	}

}
