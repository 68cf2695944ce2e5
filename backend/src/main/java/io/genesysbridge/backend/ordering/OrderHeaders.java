package io.genesysbridge.backend.ordering;

/**
 * Headers the sequencer adds on the way to the work queue.
 */
public final class OrderHeaders {

	/** The conversation key: a hash of tenant and customer id. */
	public static final String KEY = "x-bridge-order-key";

	/** The message's position in its conversation, from 1. */
	public static final String SEQ = "x-bridge-order-seq";

	/**
	 * Present ({@code true}) when every earlier message of the conversation had reached a final
	 * outcome as the sequencer numbered this one: the worker need not ask Redis whose turn it is.
	 * Stays true for the message's whole life, because the conversation cannot move past it
	 * before it is done.
	 */
	public static final String HEAD = "x-bridge-order-head";

	private OrderHeaders() {
	}

}
