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

import io.genesysbridge.backend.system.QueueTypeProperties;
import io.genesysbridge.backend.system.TenantTags;

/**
 * Declares the delay tier queues (TTL, dead-lettered to the work queue through the default
 * exchange) and the deferrer's confirming, mandatory RabbitTemplate.
 */
@Configuration(proxyBeanMethods = false)
class DeferralConfiguration {

	/**
	 * The tiers, of the configured queue type; as quorum queues they dead-letter at least once,
	 * so an expired message cannot be lost on its way back to the work queue.
	 */
	@Bean
	Declarables deferralQueues(DeferralProperties properties, @Value("${app.queues.work}") String workQueue,
			QueueTypeProperties queueTypes) {
		List<Declarable> queues = new ArrayList<>();
		for (Duration tier : properties.tiers()) {
			QueueBuilder builder = queueTypes.durable(properties.queueFor(tier))
				.ttl((int) tier.toMillis())
				.deadLetterExchange("")
				.deadLetterRoutingKey(workQueue);
			queues.add(queueTypes.deadLetterAtLeastOnce(builder).build());
		}
		return new Declarables(queues);
	}

	@Bean
	Deferrer deferrer(ConnectionFactory connectionFactory, DeferralProperties properties, MeterRegistry registry,
			Clock clock, TenantTags tenantTags) {
		RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
		rabbit.setMandatory(true);
		return new Deferrer(rabbit, properties, registry, clock, tenantTags);
	}

}
