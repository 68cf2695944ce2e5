package io.genesysbridge.backend.ordering;

/**
 * Headers the sequencer adds on the way to the work queue.
 */
public final class OrderHeaders {

	/** The conversation key: a hash of tenant and customer id. */
	public static final String KEY = "x-bridge-order-key";

	/** The message's position in its conversation, from 1. */
	public static final String SEQ = "x-bridge-order-seq";

	private OrderHeaders() {
	}

}
