package io.genesysbridge.backend.deferral;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the delay tier queues (TTL, dead-lettered to the work queue through the default
 * exchange) and the deferrer's confirming, mandatory RabbitTemplate.
 */
@Configuration(proxyBeanMethods = false)
class DeferralConfiguration {

	@Bean
	Declarables deferralQueues(DeferralProperties properties, @Value("${app.queues.work}") String workQueue) {
		List<Declarable> queues = new ArrayList<>();
		for (Duration tier : properties.tiers()) {
			queues.add(QueueBuilder.durable(properties.queueFor(tier))
				.ttl((int) tier.toMillis())
				.deadLetterExchange("")
				.deadLetterRoutingKey(workQueue)
				.build());
		}
		return new Declarables(queues);
	}

	@Bean
	Deferrer deferrer(ConnectionFactory connectionFactory, DeferralProperties properties, MeterRegistry registry,
			Clock clock) {
		RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
		rabbit.setMandatory(true);
		return new Deferrer(rabbit, properties, registry, clock);
	}

}
