package io.genesysbridge.backend.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Drains every stream consumer at once when the processor shuts down, instead of one binding
 * after the other: each listener container cancels its consumers (RabbitMQ sends nothing new),
 * finishes the messages it already holds, acknowledging, deferring or dead-lettering each as
 * usual, and reports back. The whole drain is bounded by {@link ShutdownProperties#drainTimeout()}:
 * a container still busy by then stops waiting without interrupting its threads or closing its
 * channels, so a message in binder retry is not dead-lettered for the shutdown's sake; it stays
 * unacknowledged and RabbitMQ hands it to another replica when the connection closes.
 *
 * <p>
 * Runs in the web server's graceful-shutdown phase: after the sequencer stopped forwarding
 * (the highest phase), alongside in-flight HTTP requests, and before Redis, the bindings and
 * the RabbitMQ connections close.
 */
final class ConsumerDrain implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ConsumerDrain.class);

	private static final long SLACK_MILLIS = 1000;

	private final ShutdownProperties properties;

	private final List<AbstractMessageListenerContainer> containers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	ConsumerDrain(ShutdownProperties properties) {
		this.properties = properties;
	}

	/**
	 * Takes a binder's listener container under the drain's bounds.
	 * @param container a consumer binding's container, before it starts
	 */
	void manage(AbstractMessageListenerContainer container) {
		container.setShutdownTimeout(this.properties.drainTimeout().toMillis());
		container.setForceCloseChannel(false);
		this.containers.add(container);
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		CountDownLatch drained = new CountDownLatch(1);
		stop(drained::countDown);
		try {
			drained.await(this.properties.drainTimeout().toMillis() + SLACK_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		List<AbstractMessageListenerContainer> active = this.containers.stream()
			.filter(AbstractMessageListenerContainer::isRunning)
			.toList();
		if (active.isEmpty()) {
			callback.run();
			return;
		}
		logger.info("Draining " + active.size() + " stream consumers; in-flight messages get up to "
				+ this.properties.drainTimeout() + " to finish");
		long started = System.nanoTime();
		AtomicInteger remaining = new AtomicInteger(active.size());
		Runnable drained = () -> {
			if (remaining.decrementAndGet() == 0) {
				logger.info("Stream consumers drained in " + (System.nanoTime() - started) / 1_000_000 + " ms");
				callback.run();
			}
		};
		for (AbstractMessageListenerContainer container : active) {
			try {
				container.stop(drained);
			}
			catch (RuntimeException ex) {
				// a container that cannot stop cleanly must not hold up the others
				logger.warn("A stream consumer did not stop cleanly: " + ex.getMessage());
				drained.run();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
	}

}
