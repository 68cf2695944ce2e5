package io.genesysbridge.backend.genesys;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST …/{integrationId}/inbound/open/receipt} ({@code OpenInboundNormalizedReceipt}):
 * tells Genesys whether an agent message reached the customer. Genesys accepts only
 * {@code Delivered} and {@code Failed}.
 *
 * @param id the Genesys message id of the agent message (the webhook payload {@code id})
 * @param channel recipient (the customer) and time
 * @param status {@code Delivered} or {@code Failed}
 * @param reasons failure reasons, only with {@code Failed}
 * @param isFinalReceipt whether no further receipt follows
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OpenInboundReceipt(String id, Channel channel, String status, List<Reason> reasons,
		@Nullable Boolean isFinalReceipt) {

	public OpenInboundReceipt {
		reasons = List.copyOf(reasons);
	}

	/**
	 * @param to the customer
	 * @param time when the status happened, ISO-8601
	 */
	public record Channel(Recipient to, String time) {
	}

	/**
	 * @param id customer id
	 * @param idType {@code Phone}, {@code Email} or {@code Opaque}, if known
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Recipient(String id, @Nullable String idType) {
	}

	/**
	 * @param code a {@code ConversationReason} code, e.g. {@code GeneralError}
	 * @param message human-readable explanation (required by Genesys)
	 */
	public record Reason(String code, String message) {
	}

}
