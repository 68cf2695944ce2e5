package io.genesysbridge.backend.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.genesysbridge.backend.genesys.OpenInboundMessage;

/**
 * A customer message to deliver to Genesys now, without the queue.
 *
 * @param integrationId the tenant's Open Messaging integration; its default when absent
 * @param messageId the provider's (WhatsApp) message id, sent as {@code channel.messageId}
 * @param from the customer
 * @param time when the customer sent it; now when absent
 * @param text the text
 * @param attachments media, each downloaded by Genesys from its URL
 */
@Schema(name = "InboundMessage", description = "A customer message (text and/or attachments)")
record InboundMessageRequest(
		@Nullable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String integrationId, @NotBlank @Size(max = 256) String messageId, @NotNull @Valid Customer from, @Nullable Instant time,
		@Nullable @Size(max = 4096) String text, @Nullable @Size(max = 10) List<@Valid @NotNull Attachment> attachments) {

	@JsonIgnore
	@Schema(hidden = true)
	@AssertTrue(message = "text or at least one attachment is required")
	boolean isTextOrAttachmentPresent() {
		return (this.text != null && !this.text.isBlank()) || (this.attachments != null && !this.attachments.isEmpty());
	}

	OpenInboundMessage toGenesys(Instant now) {
		List<OpenInboundMessage.Content> content = (this.attachments != null)
				? this.attachments.stream().map(Attachment::toGenesys).toList() : List.of();
		OpenInboundMessage.From sender = new OpenInboundMessage.From(this.from.id(),
				(this.from.idType() != null) ? this.from.idType() : "Opaque", this.from.nickname(),
				this.from.firstName(), this.from.lastName());
		Instant sent = (this.time != null) ? this.time : now;
		return new OpenInboundMessage(new OpenInboundMessage.Channel(this.messageId, sender, sent.toString()),
				this.text, content);
	}

	/**
	 * @param id the customer's id at the provider, e.g. the WhatsApp number
	 * @param idType {@code Phone}, {@code Email} or {@code Opaque} (the default)
	 * @param nickname display name
	 * @param firstName first name
	 * @param lastName last name
	 */
	@Schema(name = "Customer")
	record Customer(@NotBlank @Size(max = 256) String id,
			@Nullable @Pattern(regexp = "Phone|Email|Opaque", message = "must be Phone, Email or Opaque") String idType,
			@Nullable @Size(max = 256) String nickname, @Nullable @Size(max = 256) String firstName,
			@Nullable @Size(max = 256) String lastName) {
	}

	/**
	 * @param mediaType {@code Image}, {@code Video}, {@code Audio}, {@code File} or {@code Link}
	 * @param url where Genesys downloads it (http or https)
	 * @param mime MIME type, e.g. {@code image/jpeg}
	 * @param filename original file name
	 */
	@Schema(name = "Attachment")
	record Attachment(
			@NotNull @Pattern(regexp = "Image|Video|Audio|File|Link",
					message = "must be Image, Video, Audio, File or Link") String mediaType,
			@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
			@NotBlank @Size(max = 255) String mime, @Nullable @Size(max = 255) String filename) {

		OpenInboundMessage.Content toGenesys() {
			return OpenInboundMessage.Content
				.attachment(new OpenInboundMessage.Attachment(this.mediaType, this.url, this.mime, this.filename));
		}

	}

}
