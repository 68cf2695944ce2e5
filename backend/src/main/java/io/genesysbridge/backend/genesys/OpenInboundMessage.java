package io.genesysbridge.backend.genesys;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST …/{integrationId}/inbound/open/message} ({@code OpenInboundNormalizedMessage}).
 *
 * @param channel sender, time and provider message id
 * @param text message text, if any
 * @param content attachments, each {@code {"contentType":"Attachment","attachment":{…}}}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OpenInboundMessage(Channel channel, @Nullable String text, List<Content> content) {

	public OpenInboundMessage {
		content = List.copyOf(content);
	}

	/**
	 * @param messageId the provider's (WhatsApp) message id
	 * @param from the customer
	 * @param time when the customer sent it, ISO-8601
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Channel(String messageId, From from, String time) {
	}

	/**
	 * @param id customer id at the provider (the WhatsApp number)
	 * @param idType {@code Phone}, {@code Email} or {@code Opaque}
	 * @param nickname display name
	 * @param firstName first name
	 * @param lastName last name
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record From(String id, String idType, @Nullable String nickname, @Nullable String firstName,
			@Nullable String lastName) {
	}

	/**
	 * @param contentType always {@code Attachment} here
	 * @param attachment the media
	 */
	public record Content(String contentType, Attachment attachment) {

		public static Content attachment(Attachment attachment) {
			return new Content("Attachment", attachment);
		}

	}

	/**
	 * @param mediaType {@code Image}, {@code Video}, {@code Audio}, {@code File} or {@code Link}
	 * @param url where Genesys downloads it
	 * @param mime MIME type
	 * @param filename original file name
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Attachment(String mediaType, String url, String mime, @Nullable String filename) {
	}

}
