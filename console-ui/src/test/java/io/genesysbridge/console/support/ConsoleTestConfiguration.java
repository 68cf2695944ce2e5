package io.genesysbridge.console.support;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Declares this run's dead-letter and input queues as the processor would (durable, no
 * arguments) and removes the run's queues and keys when the context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConsoleTestConfiguration {

	@Bean
	Queue testDeadLetterQueue() {
		return new Queue(ConsoleTestRun.DEAD_LETTER_QUEUE, true);
	}

	@Bean
	Queue testInputQueue() {
		return new Queue(ConsoleTestRun.INPUT_QUEUE, true);
	}

	@Bean
	SmartLifecycle testRunCleaner(AmqpAdmin rabbit) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				this.running = true;
			}

			@Override
			public void stop() {
				ConsoleTestRun.cleanUp(rabbit);
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

			@Override
			public int getPhase() {
				return Integer.MIN_VALUE;
			}

		};
	}

}
