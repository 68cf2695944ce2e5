package io.genesysbridge.backend.receipt;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.genesys.OpenInboundReceipt;

/**
 * Turns the free-text failure reason of a WhatsApp status into a Genesys
 * {@code ConversationReason}: a WhatsApp Cloud API error code in the text decides first, then
 * keywords, and {@code GeneralError} otherwise. The original text goes along as the reason's
 * {@code message} (a machine reason, not customer text), without control characters and cut to
 * a maximum length.
 */
final class FailureReasons {

	static final String GENERAL_ERROR = "GeneralError";

	static final String NO_REASON = "WhatsApp reported the message as failed";

	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d{3,6})(?![\\w.])");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}+");

	/** WhatsApp Cloud API error codes (Meta's error code reference). */
	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(131047, "MessageExpired"),
			Map.entry(130429, "RateLimited"), Map.entry(131048, "RateLimited"), Map.entry(131056, "RateLimited"),
			Map.entry(80007, "RateLimited"), Map.entry(131050, "RecipientOptedOut"),
			Map.entry(131026, "InvalidDestination"), Map.entry(131021, "InvalidDestination"),
			Map.entry(131030, "InvalidDestination"), Map.entry(131051, "UnsupportedMessage"),
			Map.entry(131049, "MessageNotAllowed"), Map.entry(368, "MessageNotAllowed"),
			Map.entry(131031, "MessageNotAllowed"), Map.entry(130497, "MessageNotAllowed"),
			Map.entry(131042, "MessageNotAllowed"),
			Map.entry(131008, "InvalidMessageStructure"), Map.entry(131009, "InvalidMessageStructure"),
			Map.entry(132000, "InvalidMessageStructure"), Map.entry(132001, "InvalidMessageStructure"),
			Map.entry(132005, "InvalidMessageStructure"), Map.entry(132007, "InvalidMessageStructure"),
			Map.entry(132012, "InvalidMessageStructure"), Map.entry(132015, "InvalidMessageStructure"),
			Map.entry(132016, "InvalidMessageStructure"), Map.entry(131000, "ServerError"),
			Map.entry(131016, "ServerError"), Map.entry(131057, "ServerError"), Map.entry(133004, "ServerError"));

	/** Media errors: the size or the type of the media, decided by the text. */
	private static final List<Integer> MEDIA_CODES = List.of(131052, 131053);

	/** Checked in order: the first rule with a matching keyword wins. */
	private static final List<Map.Entry<String, List<String>>> KEYWORDS = List.of(
			Map.entry("MessageExpired",
					List.of("re-engagement", "24 hour", "24-hour", "customer service window", "expired")),
			Map.entry("RateLimited", List.of("rate limit", "too many", "throttl")),
			Map.entry("InvalidMediaContentLength",
					List.of("too large", "file size", "content length", "size limit", "too big")),
			Map.entry("MediaTypeNotAllowed", List.of("media type", "mime", "unsupported media", "file type")),
			Map.entry("MessageNotAllowed",
					List.of("policy", "policies", "ecosystem", "not allowed", "restricted", "account locked")),
			Map.entry("RecipientOptedOut",
					List.of("opted out", "opt-out", "opt out", "stopped marketing", "unsubscribed", "blocked")),
			Map.entry("InvalidDestination",
					List.of("not a whatsapp user", "invalid phone", "invalid number", "invalid recipient",
							"undeliverable", "not in allowed list", "not registered", "incapable")),
			Map.entry("UnsupportedMessage", List.of("unsupported", "not supported")),
			Map.entry("InvalidMessageStructure", List.of("template", "parameter", "invalid format", "malformed")),
			Map.entry("ServerError", List.of("internal error", "server error", "service unavailable",
					"temporarily unavailable", "something went wrong", "timeout", "timed out")));

	private FailureReasons() {
	}

	/**
	 * @param reason the status event's {@code reason}, or null
	 * @param maxLength the longest {@code message} to send
	 * @return the reason to put on a {@code Failed} receipt
	 */
	static OpenInboundReceipt.Reason toReason(@Nullable String reason, int maxLength) {
		String text = (reason != null) ? CONTROL.matcher(reason).replaceAll(" ").strip() : "";
		if (text.isEmpty()) {
			return new OpenInboundReceipt.Reason(GENERAL_ERROR, NO_REASON);
		}
		String message = (text.length() <= maxLength) ? text : text.substring(0, maxLength);
		return new OpenInboundReceipt.Reason(code(text), message);
	}

	/**
	 * @param text a failure reason
	 * @return its {@code ConversationReason} code
	 */
	static String code(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		Matcher numbers = NUMBER.matcher(lower);
		while (numbers.find()) {
			int number = Integer.parseInt(numbers.group(1));
			if (MEDIA_CODES.contains(number)) {
				return byKeyword(lower, List.of("InvalidMediaContentLength")).orElse("MediaTypeNotAllowed");
			}
			String code = CODES.get(number);
			if (code != null) {
				return code;
			}
		}
		return byKeyword(lower, null).orElse(GENERAL_ERROR);
	}

	private static Optional<String> byKeyword(String lower, @Nullable List<String> only) {
		for (Map.Entry<String, List<String>> rule : KEYWORDS) {
			if (only != null && !only.contains(rule.getKey())) {
				continue;
			}
			for (String keyword : rule.getValue()) {
				if (lower.contains(keyword)) {
					return Optional.of(rule.getKey());
				}
			}
		}
		return Optional.empty();
	}

}
