package io.genesysbridge.fake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Serves the three Open Messaging inbound endpoints ({@code message}, {@code receipt},
 * {@code event}) for an already authenticated and rate-checked caller.
 *
 * <p>
 * Order of checks (after the gateway's injected fault): unknown integration (404), media
 * type (415), JSON and schema (400), then acceptance with the configured success status.
 * Only accepted calls are recorded, so tests can assert on exactly what Genesys would
 * have taken. An accepted message also lands in its conversation, listed on the customer
 * participant.
 */
final class InboundEndpoint {

	/**
	 * The inbound endpoint kinds, named after the last path segment; each has its own
	 * schema and recording list.
	 */
	enum Kind {

		MESSAGE, RECEIPT, EVENT;

		static Kind fromPathSegment(String segment) {
			return valueOf(segment.toUpperCase(Locale.ROOT));
		}

	}

	private final GenesysState state;

	InboundEndpoint(GenesysState state) {
		this.state = state;
	}

	ResponseDefinitionBuilder handle(Kind kind, String integrationId, LoggedRequest request, String token) {
		if (!this.state.knowsIntegration(integrationId)) {
			return Replies.error(404, "not.found", "Open messaging integration " + integrationId + " not found");
		}
		String contentType = request.getHeader("Content-Type");
		if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
			return Replies.error(415, "unsupported.media.type",
					"Content-Type " + contentType + " is not supported. Supported: application/json");
		}
		Map<?, ?> body;
		try {
			if (!(JsonText.parse(request.getBodyAsString()) instanceof Map<?, ?> map)) {
				return Replies.error(400, "bad.request", "The request body must be a JSON object.");
			}
			body = map;
		}
		catch (IllegalArgumentException ex) {
			return Replies.error(400, "bad.request", "Unable to parse the request body as JSON.");
		}
		Optional<Violation> violation = switch (kind) {
			case MESSAGE -> InboundValidator.message(body);
			case RECEIPT -> InboundValidator.receipt(body);
			case EVENT -> InboundValidator.event(body);
		};
		if (violation.isPresent()) {
			return Replies.error(400, violation.get().code(), violation.get().message());
		}
		Accepted accepted = new Accepted(integrationId, request.getBodyAsString(), body, token);
		Map<String, Object> answer = switch (kind) {
			case MESSAGE -> acceptMessage(accepted, prefetch(request));
			case RECEIPT -> acceptReceipt(accepted);
			case EVENT -> acceptEvent(accepted);
		};
		return Replies.api(this.state.knobs.successStatus, answer);
	}

	private Map<String, Object> acceptMessage(Accepted call, boolean prefetch) {
		Map<?, ?> channel = (Map<?, ?>) call.body().get("channel");
		Map<?, ?> from = (Map<?, ?>) channel.get("from");
		String channelMessageId = (String) channel.get("messageId");
		String conversationId = this.state.ledger.conversationFor(call.integrationId(), (String) from.get("id"));
		String genesysId = this.state.ledger.assignMessageId(call.integrationId(), channelMessageId,
				this.state.knobs.idempotentDuplicates);
		this.state.ledger.recordMessage(call.record(channelMessageId, genesysId, conversationId));
		ConversationBook.Conversation conversation = this.state.conversations.open(conversationId,
				call.integrationId(), from, "inbound");
		conversation.addMessage(conversation.customer().orElseThrow(), genesysId, "inbound",
				(call.body().get("text") instanceof String text) ? text : null);

		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", genesysId);
		answer.put("channel", responseChannel(call.integrationId(), channel, from));
		answer.put("type", "Text");
		copyIfPresent(call.body(), answer, "text");
		copyIfPresent(call.body(), answer, "content");
		copyIfPresent(call.body(), answer, "metadata");
		if (prefetch) {
			answer.put("conversationId", conversationId);
		}
		return answer;
	}

	private Map<String, Object> acceptReceipt(Accepted call) {
		Map<?, ?> channel = (Map<?, ?>) call.body().get("channel");
		String id = (String) call.body().get("id");
		String channelMessageId = (channel.get("messageId") instanceof String text) ? text : null;
		this.state.ledger.recordReceipt(call.record(channelMessageId, id, null));

		Map<String, Object> responseChannel = new LinkedHashMap<>();
		responseChannel.put("id", call.integrationId());
		responseChannel.put("platform", "Open");
		responseChannel.put("type", "Private");
		copyIfPresent(channel, responseChannel, "messageId");
		responseChannel.put("to", channel.get("to"));
		copyIfPresent(channel, responseChannel, "from");
		responseChannel.put("time", channel.get("time"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		answer.put("channel", responseChannel);
		answer.put("type", "Receipt");
		answer.put("status", call.body().get("status"));
		copyIfPresent(call.body(), answer, "reasons");
		copyIfPresent(call.body(), answer, "isFinalReceipt");
		return answer;
	}

	private Map<String, Object> acceptEvent(Accepted call) {
		Map<?, ?> channel = (Map<?, ?>) call.body().get("channel");
		Map<?, ?> from = (Map<?, ?>) channel.get("from");
		String id = Ids.messageId();
		String conversationId = this.state.ledger.existingConversation(call.integrationId(), (String) from.get("id"))
			.orElse(null);
		String channelMessageId = (channel.get("messageId") instanceof String text) ? text : null;
		this.state.ledger.recordEvent(call.record(channelMessageId, id, conversationId));

		List<Object> events = ((List<?>) call.body().get("events")).stream().map(InboundEndpoint::typingEvent).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		answer.put("channel", responseChannel(call.integrationId(), channel, from));
		answer.put("type", "Event");
		answer.put("events", events);
		return answer;
	}

	private static Object typingEvent(Object event) {
		Map<?, ?> typing = (((Map<?, ?>) event).get("typing") instanceof Map<?, ?> map) ? map : Map.of();
		Map<String, Object> echoed = new LinkedHashMap<>();
		echoed.put("type", "On");
		echoed.put("duration", (typing.get("duration") instanceof Number duration) ? duration : 5000);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("eventType", "Typing");
		answer.put("typing", echoed);
		return answer;
	}

	private static Map<String, Object> responseChannel(String integrationId, Map<?, ?> channel, Map<?, ?> from) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", integrationId);
		answer.put("platform", "Open");
		answer.put("type", "Private");
		copyIfPresent(channel, answer, "messageId");
		answer.put("to", Map.of("id", integrationId));
		answer.put("from", from);
		answer.put("time", channel.get("time"));
		copyIfPresent(channel, answer, "metadata");
		return answer;
	}

	private static void copyIfPresent(Map<?, ?> source, Map<String, Object> target, String name) {
		Object value = source.get(name);
		if (value != null) {
			target.put(name, value);
		}
	}

	private static boolean prefetch(LoggedRequest request) {
		QueryParameter parameter = request.queryParameter("prefetchConversationId");
		return parameter != null && parameter.isPresent() && "true".equalsIgnoreCase(parameter.firstValue());
	}

	/**
	 * An inbound call that passed validation; recorded with the raw body so tests see
	 * exactly what was sent.
	 */
	private record Accepted(String integrationId, String rawBody, Map<?, ?> body, String token) {

		RecordedInbound record(String channelMessageId, String genesysId, String conversationId) {
			return new RecordedInbound(this.integrationId, this.rawBody, channelMessageId, genesysId, conversationId,
					this.token, Instant.now());
		}

	}

}
