package io.genesysbridge.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Samples the depth of some queues twice a second while a scenario runs, to show where a
 * backlog waits: before the sequencer (the inbound queue), before the workers (the work queue)
 * or in the delay tiers.
 */
final class QueueDepths implements AutoCloseable {

	private final Broker broker;

	private final Map<String, List<String>> queues;

	private final Map<String, long[]> stats = new LinkedHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * @param queues label → the queues whose depths are added up under it
	 */
	QueueDepths(Broker broker, Map<String, List<String>> queues) {
		this.broker = broker;
		this.queues = queues;
		queues.keySet().forEach((label) -> this.stats.put(label, new long[3]));
		this.thread = Thread.ofPlatform().daemon().name("queue-depths").start(this::sample);
	}

	private void sample() {
		while (this.running) {
			this.queues.forEach((label, names) -> {
				long depth = 0;
				for (String queue : names) {
					depth += Math.max(0, this.broker.messageCount(queue));
				}
				synchronized (this.stats) {
					long[] s = this.stats.get(label);
					s[0] = Math.max(s[0], depth);
					s[1] += depth;
					s[2]++;
				}
			});
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** @return e.g. "queue depth max/mean: inbound 9500/4200, work 130/60" */
	String summary() {
		StringJoiner text = new StringJoiner(", ", "queue depth max/mean: ", "");
		synchronized (this.stats) {
			this.stats.forEach((label, s) -> text.add(label + " " + s[0] + "/" + ((s[2] > 0) ? s[1] / s[2] : 0)));
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
