package io.genesysbridge.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The messages of one measured batch: when each was sent (or was due to be sent), when its
 * correlation event came back, and how many events came twice. Messages are numbered from 0;
 * their WhatsApp id and correlation id carry the tag and the number.
 */
final class Tracker {

	private final String runId;

	private final String tag;

	private final int capacity;

	private final AtomicLongArray sent;

	private final AtomicLongArray received;

	private final AtomicInteger receivedCount = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger published = new AtomicInteger();

	Tracker(String runId, String tag, int capacity) {
		if (!tag.matches("[a-z0-9]+")) {
			throw new IllegalArgumentException("tag must be lower-case letters and digits: " + tag);
		}
		this.runId = runId;
		this.tag = tag;
		this.capacity = capacity;
		this.sent = new AtomicLongArray(capacity);
		this.received = new AtomicLongArray(capacity);
	}

	String tag() {
		return this.tag;
	}

	int capacity() {
		return this.capacity;
	}

	String wamid(int index) {
		return wamidPrefix() + index;
	}

	/** Every WhatsApp id of this tracker starts with this. */
	String wamidPrefix() {
		return "wamid." + this.runId + "." + this.tag + ".";
	}

	String correlationId(int index) {
		return this.tag + ":" + index;
	}

	/**
	 * @param nanos {@link System#nanoTime()} at (or due time of) the publish
	 */
	void sent(int index, long nanos) {
		this.sent.set(index, nanos);
		this.published.incrementAndGet();
	}

	void received(int index, long nanos) {
		if (index < 0 || index >= this.capacity) {
			return;
		}
		if (this.received.compareAndSet(index, 0, nanos)) {
			this.receivedCount.incrementAndGet();
		}
		else {
			this.duplicates.incrementAndGet();
		}
	}

	int published() {
		return this.published.get();
	}

	int receivedCount() {
		return this.receivedCount.get();
	}

	int duplicateEvents() {
		return this.duplicates.get();
	}

	/**
	 * Waits until an event came back for every published message.
	 * @return whether they all did within the timeout
	 */
	boolean awaitAll(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.receivedCount.get() < this.published.get()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	/** End-to-end latencies in milliseconds of the messages numbered from {@code from}. */
	double[] latenciesMillis(int from) {
		double[] values = new double[this.capacity];
		int n = 0;
		for (int i = Math.max(0, from); i < this.capacity; i++) {
			long s = this.sent.get(i);
			long r = this.received.get(i);
			if (s != 0 && r != 0) {
				values[n++] = (r - s) / 1e6;
			}
		}
		return Arrays.copyOf(values, n);
	}

	double[] latenciesMillis() {
		return latenciesMillis(0);
	}

	/** The earliest send and latest receive, for drain-rate figures; {0, 0} when empty. */
	long[] span() {
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		for (int i = 0; i < this.capacity; i++) {
			long s = this.sent.get(i);
			long r = this.received.get(i);
			if (s != 0) {
				first = Math.min(first, s);
			}
			if (r != 0) {
				last = Math.max(last, r);
			}
		}
		return (first == Long.MAX_VALUE || last == Long.MIN_VALUE) ? new long[] { 0, 0 } : new long[] { first, last };
	}

	/** The latest receive time, 0 if none. */
	long lastReceived() {
		long last = 0;
		for (int i = 0; i < this.capacity; i++) {
			last = Math.max(last, this.received.get(i));
		}
		return last;
	}

}
