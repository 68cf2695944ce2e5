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

import io.genesysbridge.backend.genesys.OpenInboundReceipt;

/**
 * Whether an agent message reached the customer. Genesys accepts only {@code Delivered} and
 * {@code Failed}; a {@code Failed} receipt needs a reason.
 *
 * @param integrationId the integration the agent message came through; the tenant's
 * default when absent
 * @param messageId the Genesys id of the agent message (the webhook payload's {@code id})
 * @param to the customer
 * @param status {@code Delivered} or {@code Failed}
 * @param reason why it failed (only with {@code Failed})
 * @param time when the status happened; now when absent
 * @param finalReceipt whether no further receipt follows for this message
 */
@Schema(name = "Receipt")
record ReceiptRequest(@Nullable @Pattern(regexp = ApiPaths.ID, message = ApiPaths.ID_MESSAGE) String integrationId,
		@NotBlank @Size(max = 256) String messageId, @NotNull @Valid Recipient to,
		@NotNull @Pattern(regexp = "Delivered|Failed", message = "must be Delivered or Failed") String status,
		@Nullable @Valid Reason reason, @Nullable Instant time, @Nullable Boolean finalReceipt) {

	@JsonIgnore
	@Schema(hidden = true)
	@AssertTrue(message = "a Failed receipt needs a reason, a Delivered one must not have one")
	boolean isReasonConsistent() {
		return "Failed".equals(this.status) == (this.reason != null);
	}

	OpenInboundReceipt toGenesys(Instant now) {
		List<OpenInboundReceipt.Reason> reasons = (this.reason != null)
				? List.of(new OpenInboundReceipt.Reason(this.reason.code(), this.reason.message())) : List.of();
		Instant at = (this.time != null) ? this.time : now;
		return new OpenInboundReceipt(this.messageId,
				new OpenInboundReceipt.Channel(new OpenInboundReceipt.Recipient(this.to.id(), this.to.idType()),
						at.toString()),
				this.status, reasons, this.finalReceipt);
	}

	/**
	 * @param id the customer's id
	 * @param idType {@code Phone}, {@code Email} or {@code Opaque}, if known
	 */
	@Schema(name = "Recipient")
	record Recipient(@NotBlank @Size(max = 256) String id,
			@Nullable @Pattern(regexp = "Phone|Email|Opaque", message = "must be Phone, Email or Opaque") String idType) {
	}

	/**
	 * @param code a Genesys {@code ConversationReason} code
	 * @param message explanation (Genesys requires one)
	 */
	@Schema(name = "ReceiptReason")
	record Reason(@NotNull @Pattern(regexp = CODES, message = "must be a Genesys ConversationReason code") String code,
			@NotBlank @Size(max = 1000) String message) {

		static final String CODES = "MessageExpired|RateLimited|MessageNotAllowed|GeneralError|UnsupportedMessage"
				+ "|UnknownMessage|InvalidMessageStructure|InvalidDestination|ServerError|MediaTypeNotAllowed"
				+ "|InvalidMediaContentLength|RecipientOptedOut|DataFiltered";

	}

}
