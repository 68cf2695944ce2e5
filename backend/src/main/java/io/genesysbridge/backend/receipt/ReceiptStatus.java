package io.genesysbridge.backend.receipt;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The WhatsApp statuses of an agent message that the bridge tracks, in the only order they may
 * advance: {@code delivered < read < failed}. A status at or below the one already recorded
 * for a message is dropped.
 */
enum ReceiptStatus {

	/** Reached the customer's phone: a {@code Delivered} receipt. */
	DELIVERED(1, "Delivered"),

	/** Read by the customer: Genesys has no such inbound receipt, so nothing is sent. */
	READ(2, null),

	/** Could not be delivered: a {@code Failed} receipt with a reason. */
	FAILED(3, "Failed");

	private final int rank;

	private final @Nullable String genesysStatus;

	ReceiptStatus(int rank, @Nullable String genesysStatus) {
		this.rank = rank;
		this.genesysStatus = genesysStatus;
	}

	/**
	 * @param value a status from the queue, any case
	 * @return the status, or null if it is not one the bridge forwards (e.g. {@code sent})
	 */
	static @Nullable ReceiptStatus of(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "delivered" -> DELIVERED;
			case "read" -> READ;
			case "failed" -> FAILED;
			default -> null;
		};
	}

	int rank() {
		return this.rank;
	}

	/**
	 * @return the Genesys receipt status, or null when none is sent
	 */
	@Nullable String genesysStatus() {
		return this.genesysStatus;
	}

	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
