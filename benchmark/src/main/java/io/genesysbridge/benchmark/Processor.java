package io.genesysbridge.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

import io.genesysbridge.backend.BackendApplication;

/**
 * The real processor, started in this JVM from the backend's classes with the given properties
 * (passed as command-line arguments, so they win over application.yml like real deployment
 * settings do).
 */
final class Processor implements AutoCloseable {

	private static final String SEQUENCER = "sequencerContainer";

	private static final String BINDING = "inbound-in-0";

	private final ConfigurableApplicationContext context;

	private Processor(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static Processor start(Map<String, String> properties) {
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BackendApplication.class)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		return new Processor(context);
	}

	/**
	 * Stops taking messages off the inbound queue (to build a backlog): stops the sequencer, its
	 * single consumer, or the inbound binding itself when ordering is off.
	 */
	void pauseIntake() {
		if (this.context.containsBean(SEQUENCER)) {
			this.context.getBean(SEQUENCER, SimpleMessageListenerContainer.class).stop();
		}
		else {
			this.context.getBean(BindingsLifecycleController.class).stop(BINDING);
		}
	}

	void resumeIntake() {
		if (this.context.containsBean(SEQUENCER)) {
			this.context.getBean(SEQUENCER, SimpleMessageListenerContainer.class).start();
		}
		else {
			this.context.getBean(BindingsLifecycleController.class).start(BINDING);
		}
	}

	String property(String key) {
		return this.context.getEnvironment().getProperty(key);
	}

	/** Every {@code genesysbridge.*} counter, by name and tags. */
	Map<String, Double> counters() {
		Map<String, Double> values = new TreeMap<>();
		MeterRegistry registry = this.context.getBean(MeterRegistry.class);
		for (Meter meter : registry.getMeters()) {
			if (meter instanceof Counter counter && meter.getId().getName().startsWith("genesysbridge.")) {
				StringBuilder name = new StringBuilder(meter.getId().getName());
				List<Tag> tags = meter.getId().getTags();
				if (!tags.isEmpty()) {
					name.append('{');
					for (int i = 0; i < tags.size(); i++) {
						name.append((i > 0) ? "," : "").append(tags.get(i).getKey()).append('=').append(tags.get(i).getValue());
					}
					name.append('}');
				}
				values.merge(name.toString(), counter.count(), Double::sum);
			}
		}
		return values;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
