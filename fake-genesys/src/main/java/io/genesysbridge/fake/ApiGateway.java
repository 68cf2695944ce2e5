package io.genesysbridge.fake;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Front door of the API host ({@code /api/v2/**}): bearer authentication, per-token rate
 * limiting, routing, injected faults, and the configured latency.
 *
 * <p>
 * Every API answer, error or not, gets the configured delay, which WireMock serves
 * asynchronously so slow answers do not pin server threads. Inbound calls are counted
 * before anything else, so {@link FakeGenesys#inboundAttempts()} includes rejected ones.
 * An injected fault ({@link FaultPlan}) hits any routed operation after authentication and
 * rate limiting, before the operation's own checks; unknown paths answer 404 without
 * using one up.
 */
final class ApiGateway {

	private static final Pattern INBOUND = Pattern
		.compile("/api/v2/conversations/messages/([^/]+)/inbound/open/(message|receipt|event)");

	private static final Pattern MESSAGE_DETAILS = Pattern.compile("/api/v2/conversations/messages/([^/]+)/details");

	private final GenesysState state;

	private final InboundEndpoint inbound;

	private final AgentlessEndpoint agentless;

	private final DirectoryEndpoints directory;

	private final ConversationEndpoints conversations;

	ApiGateway(GenesysState state) {
		this.state = state;
		this.inbound = new InboundEndpoint(state);
		this.agentless = new AgentlessEndpoint(state);
		this.directory = new DirectoryEndpoints(state);
		this.conversations = new ConversationEndpoints(state);
	}

	ResponseDefinitionBuilder handle(LoggedRequest request) {
		String path = pathOf(request.getUrl());
		Matcher inboundPath = INBOUND.matcher(path);
		boolean isInbound = inboundPath.matches();
		if (isInbound) {
			this.state.ledger.countAttempt();
		}
		ResponseDefinitionBuilder answer = authenticateAndRoute(request, path, isInbound ? inboundPath : null);
		long latency = this.state.knobs.latencyMillis;
		return (latency > 0) ? answer.withFixedDelay((int) Math.min(latency, Integer.MAX_VALUE)) : answer;
	}

	private ResponseDefinitionBuilder authenticateAndRoute(LoggedRequest request, String path, Matcher inboundPath) {
		Optional<String> token = bearerToken(request);
		if (token.isEmpty()) {
			return Replies.error(401, "authentication.required",
					"No authentication bearer token specified in authorization header.");
		}
		switch (this.state.tokens.check(token.get())) {
			case UNKNOWN -> {
				return Replies.error(401, "bad.credentials", "Invalid login credentials.");
			}
			case EXPIRED -> {
				return Replies.error(401, "credentials.expired",
						"The supplied credentials are expired and cannot be used.");
			}
			case VALID -> {
				// fall through to rate limiting
			}
		}
		if (!this.state.rateLimiter.tryAcquire(token.get(), this.state.knobs.rateLimitPerMinute)) {
			return Replies.tooManyRequests(this.state.knobs.retryAfter);
		}
		Supplier<ResponseDefinitionBuilder> handler = route(request, path, inboundPath, token.get());
		if (handler == null) {
			return Replies.error(404, "not.found",
					"The requested resource was not found: " + request.getMethod() + " " + path);
		}
		int faultStatus = this.state.faults.draw();
		if (faultStatus != 0) {
			return Replies.error(faultStatus, this.state.knobs.retryAfter);
		}
		return handler.get();
	}

	private Supplier<ResponseDefinitionBuilder> route(LoggedRequest request, String path, Matcher inboundPath,
			String token) {
		RequestMethod method = request.getMethod();
		boolean post = method.equals(RequestMethod.POST);
		if (inboundPath != null && post) {
			return () -> this.inbound.handle(InboundEndpoint.Kind.fromPathSegment(inboundPath.group(2)),
					inboundPath.group(1), request, token);
		}
		if (post && path.equals(AgentlessEndpoint.PATH)) {
			return () -> this.agentless.handle(request);
		}
		Matcher details = MESSAGE_DETAILS.matcher(path);
		if (method.equals(RequestMethod.GET) && details.matches()) {
			return () -> messageDetails(details.group(1));
		}
		Supplier<ResponseDefinitionBuilder> handler = this.directory.route(method, path, request);
		return (handler != null) ? handler : this.conversations.route(method, path, request);
	}

	private ResponseDefinitionBuilder messageDetails(String messageId) {
		return this.state.ledger.messageByGenesysId(messageId).map((message) -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", message.genesysMessageId());
			body.put("conversationId", message.conversationId());
			body.put("timestamp", message.receivedAt().toString());
			body.put("direction", "inbound");
			body.put("messengerType", "open");
			body.put("status", "received");
			body.put("selfUri", "/api/v2/conversations/messages/" + messageId + "/details");
			return Replies.api(200, body);
		}).orElseGet(() -> Replies.error(404, "not.found", "Message " + messageId + " not found"));
	}

	/**
	 * The decoded path of a request URL (without the query), tolerating malformed
	 * escapes.
	 */
	static String pathOf(String url) {
		String raw = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		try {
			return URI.create(raw).getPath();
		}
		catch (IllegalArgumentException ex) {
			return raw;
		}
	}

	/**
	 * The token of an {@code Authorization: Bearer <token>} header; the scheme is
	 * case-insensitive.
	 */
	static Optional<String> bearerToken(LoggedRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null) {
			return Optional.empty();
		}
		String trimmed = header.trim();
		int space = trimmed.indexOf(' ');
		if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
			return Optional.empty();
		}
		String token = trimmed.substring(space + 1).trim();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}

}
