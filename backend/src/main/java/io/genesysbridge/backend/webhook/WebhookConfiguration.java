package io.genesysbridge.backend.webhook;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.receipt.AgentMessageMemory;
import io.genesysbridge.backend.system.QueueTypeProperties;
import io.genesysbridge.backend.tenant.TenantDirectory;

/**
 * Wires the webhook: its durable output queues and publish ledger (declared on every
 * connection, so mandatory publishing to the default exchange finds them even after a broker
 * restart), its confirming publisher on Boot's connection factory (publisher confirms and returns
 * are on there), the dedupe store and the ledger that settles lost confirms.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	private static final int IDLE_SECONDS = 60;

	/**
	 * The output queues, durable, of the configured queue type and otherwise without arguments.
	 * If the platform declared them already with other arguments or another type the declaration
	 * is refused; that is logged and ignored, since publishing to the existing queue works all the
	 * same. The ledger is the bridge's own queue, of the configured type too.
	 */
	@Bean
	Declarables webhookOutputQueues(WebhookQueues queues, WebhookProperties properties,
			QueueTypeProperties queueTypes) {
		Queue messages = queueTypes.durable(queues.outboundMessages()).build();
		Queue statuses = queueTypes.durable(queues.statusUpdates()).build();
		messages.setIgnoreDeclarationExceptions(true);
		statuses.setIgnoreDeclarationExceptions(true);
		Queue ledger = queueTypes.durable(queues.webhookLedger())
			.ttl((int) Math.min(Integer.MAX_VALUE, properties.ledgerTtl().toMillis()))
			.build();
		return new Declarables(messages, statuses, ledger);
	}

	@Bean
	WebhookMetrics webhookMetrics(MeterRegistry registry) {
		return new WebhookMetrics(registry);
	}

	/**
	 * A template of its own (not a bean, so Boot's {@code rabbitTemplate} stays as it is):
	 * mandatory, so an unroutable message comes back as a failure, and on the publisher
	 * connection, so a broker blocking publishers never stalls the consumers.
	 */
	@Bean
	ConfirmedPublisher webhookPublisher(ConnectionFactory connectionFactory, WebhookQueues queues,
			WebhookProperties properties, WebhookMetrics metrics) {
		RabbitTemplate template = new RabbitTemplate(connectionFactory);
		template.setMandatory(true);
		template.setUsePublisherConnection(true);
		ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.publishThreads(), properties.publishThreads(),
				IDLE_SECONDS, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.publishQueueCapacity()),
				Thread.ofPlatform().name("webhook-publish-", 0).daemon(true).factory());
		executor.allowCoreThreadTimeOut(true);
		return new ConfirmedPublisher(template, executor, metrics, queues.webhookLedger());
	}

	/** Drains with basic.get on a template of its own, on the consumer connection. */
	@Bean
	PublishLedger webhookPublishLedger(ConnectionFactory connectionFactory, WebhookDeduplicator dedupe,
			ReactiveStringRedisTemplate redis, WebhookQueues queues, QueueTypeProperties queueTypes,
			WebhookProperties properties, WebhookMetrics metrics) {
		return new PublishLedger(new RabbitTemplate(connectionFactory), dedupe, redis, queues.webhookLedger(),
				List.of(queueTypes.durable(queues.outboundMessages()).build(),
						queueTypes.durable(queues.statusUpdates()).build()),
				properties, metrics);
	}

	@Bean
	WebhookDeduplicator webhookDeduplicator(ReactiveStringRedisTemplate redis, WebhookProperties properties,
			WebhookMetrics metrics, Clock clock) {
		return new WebhookDeduplicator(redis, properties, metrics, clock);
	}

	@Bean
	WebhookForwarder webhookForwarder(WebhookDeduplicator dedupe, AgentMessageMemory memory,
			ConfirmedPublisher publisher, PublishLedger ledger, WebhookProperties properties, WebhookMetrics metrics,
			Clock clock) {
		return new WebhookForwarder(dedupe, memory, publisher, ledger, properties, metrics, clock);
	}

	@Bean
	WebhookHandler webhookHandler(JsonMapper json, TenantDirectory tenants, WebhookForwarder forwarder,
			WebhookQueues queues, WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
		return new WebhookHandler(json, tenants, forwarder, queues, properties, metrics, clock);
	}

}
