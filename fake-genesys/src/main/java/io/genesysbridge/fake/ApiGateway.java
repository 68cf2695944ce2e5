package io.genesysbridge.fake;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Front door of the API host ({@code /api/v2/**}): bearer authentication, per-token rate
 * limiting, routing, and the configured latency.
 *
 * <p>
 * Every API answer, error or not, gets the configured delay, which WireMock serves
 * asynchronously so slow answers do not pin server threads. Inbound calls are counted
 * before anything else, so {@link FakeGenesys#inboundAttempts()} includes rejected ones.
 */
final class ApiGateway {

	private static final Pattern INBOUND = Pattern
		.compile("/api/v2/conversations/messages/([^/]+)/inbound/open/(message|receipt|event)");

	private static final Pattern MESSAGE_DETAILS = Pattern.compile("/api/v2/conversations/messages/([^/]+)/details");

	private final GenesysState state;

	private final InboundEndpoint inbound;

	ApiGateway(GenesysState state) {
		this.state = state;
		this.inbound = new InboundEndpoint(state);
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
		boolean post = request.getMethod().equals(RequestMethod.POST);
		boolean get = request.getMethod().equals(RequestMethod.GET);
		if (inboundPath != null && post) {
			return this.inbound.handle(InboundEndpoint.Kind.fromPathSegment(inboundPath.group(2)), inboundPath.group(1),
					request, token.get());
		}
		if (get && path.equals("/api/v2/organizations/me")) {
			return Replies.api(200, organization());
		}
		Matcher details = MESSAGE_DETAILS.matcher(path);
		if (get && details.matches()) {
			return messageDetails(details.group(1));
		}
		return Replies.error(404, "not.found",
				"The requested resource was not found: " + request.getMethod() + " " + path);
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

	private static Map<String, Object> organization() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", "00000000-0000-4000-8000-00000000fa4e");
		body.put("name", "Fake Genesys Org");
		body.put("defaultLanguage", "en-us");
		body.put("thirdPartyOrgName", "fake-genesys");
		body.put("domain", "fake-genesys");
		body.put("version", 1);
		body.put("state", "active");
		body.put("productPlatform", "PureCloud");
		body.put("dateCreated", Instant.EPOCH.toString());
		body.put("selfUri", "/api/v2/organizations/00000000-0000-4000-8000-00000000fa4e");
		return body;
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
