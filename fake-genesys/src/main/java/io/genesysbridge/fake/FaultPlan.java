package io.genesysbridge.fake;

import java.util.Random;

/**
 * Decides whether the next API call fails and with which status: first the
 * {@code failNext} countdown, then the seeded random ratio.
 *
 * <p>
 * The random draws come from one seeded {@link Random}, so the number of failures among
 * the first N API calls is the same on every run with that seed, whatever the thread
 * interleaving.
 */
final class FaultPlan {

	/**
	 * One random-fault setting; swapped atomically so a change never mixes old and new
	 * values.
	 */
	private record RandomFaults(double ratio, int status, Random random) {
	}

	private int remaining;

	private int countdownStatus;

	private volatile RandomFaults randomFaults;

	/**
	 * @throws IllegalArgumentException unless the status is an HTTP error status (400 to
	 * 599)
	 */
	static int checkErrorStatus(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("fault status must be between 400 and 599, was " + status);
		}
		return status;
	}

	/**
	 * @throws IllegalArgumentException unless the ratio is between 0 and 1
	 */
	static double checkRatio(double ratio) {
		if (!(ratio >= 0 && ratio <= 1)) {
			throw new IllegalArgumentException("fault ratio must be between 0 and 1, was " + ratio);
		}
		return ratio;
	}

	synchronized void failNext(int count, int status) {
		this.remaining = count;
		this.countdownStatus = status;
	}

	void failRandomly(double ratio, int status, long seed) {
		this.randomFaults = (ratio <= 0) ? null : new RandomFaults(ratio, status, new Random(seed));
	}

	/**
	 * @return the status the current call must fail with, or 0 to let it through
	 */
	int draw() {
		synchronized (this) {
			if (this.remaining > 0) {
				this.remaining--;
				return this.countdownStatus;
			}
		}
		RandomFaults faults = this.randomFaults;
		if (faults != null && faults.random().nextDouble() < faults.ratio()) {
			return faults.status();
		}
		return 0;
	}

	synchronized int remainingCountdown() {
		return this.remaining;
	}

	double randomRatio() {
		RandomFaults faults = this.randomFaults;
		return (faults != null) ? faults.ratio() : 0;
	}

	void clear() {
		failNext(0, 0);
		this.randomFaults = null;
	}

}
