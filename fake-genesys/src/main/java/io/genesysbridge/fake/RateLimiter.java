package io.genesysbridge.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts API calls per access token in fixed 60-second windows, like the
 * {@code client.credentials.token.rate.per.minute} limit (contract notes §5.1).
 *
 * <p>
 * A window starts with a token's first call; refused calls do not count, so a client that
 * waits for the window to roll over gets through again.
 */
final class RateLimiter {

	private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	/**
	 * @param token the caller's access token
	 * @param perMinute the limit; 0 or less means unlimited
	 * @return whether the call is admitted
	 */
	boolean tryAcquire(String token, int perMinute) {
		if (perMinute <= 0) {
			return true;
		}
		return this.windows.computeIfAbsent(token, (key) -> new Window()).tryAcquire(perMinute, System.nanoTime());
	}

	void clear() {
		this.windows.clear();
	}

	/**
	 * One token's current window; synchronized per token, so tokens never contend with
	 * each other.
	 */
	private static final class Window {

		private long start = System.nanoTime();

		private int count;

		synchronized boolean tryAcquire(int limit, long now) {
			if (now - this.start >= WINDOW_NANOS) {
				this.start = now;
				this.count = 0;
			}
			if (this.count >= limit) {
				return false;
			}
			this.count++;
			return true;
		}

	}

}
