package io.genesysbridge.backend.ratelimit;

/**
 * How long a rate-limiter reply waited before this replica got to handle it: the difference
 * between the local clock at handling and Redis's clock in the reply, minus the smallest such
 * difference seen over the last one to two windows. Clock skew between the hosts and the usual
 * round trip are in both terms and cancel out; what remains is time the reply spent queued (a
 * busy event loop, a garbage-collection pause). A permit whose slot passed during that time would
 * otherwise be used late, together with the ones after it, and Genesys would see a burst above
 * the rate. The floor follows clock drift within two windows.
 */
final class ReplyLag {

	private final long windowMicros;

	private long windowStart = Long.MIN_VALUE;

	private long currentFloor = Long.MAX_VALUE;

	private long previousFloor = Long.MAX_VALUE;

	/**
	 * @param windowMicros how long one window of the floor lasts
	 */
	ReplyLag(long windowMicros) {
		this.windowMicros = windowMicros;
	}

	/**
	 * @param redisNowMicros Redis's clock in the reply
	 * @param localNowMicros the local clock now
	 * @return how much later than the best recent case the reply is handled, µs (0 or more)
	 */
	synchronized long micros(long redisNowMicros, long localNowMicros) {
		long offset = localNowMicros - redisNowMicros;
		if (this.windowStart == Long.MIN_VALUE || localNowMicros - this.windowStart >= this.windowMicros) {
			this.previousFloor = this.currentFloor;
			this.currentFloor = Long.MAX_VALUE;
			this.windowStart = localNowMicros;
		}
		this.currentFloor = Math.min(this.currentFloor, offset);
		return Math.max(0, offset - Math.min(this.currentFloor, this.previousFloor));
	}

}
