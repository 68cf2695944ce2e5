package io.genesysbridge.console.replay;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.circuit.CircuitStore;
import io.genesysbridge.console.deadletter.DeadLetterProperties;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.tenant.RateLimitReader;
import io.genesysbridge.console.tenant.TenantPauses;
import io.genesysbridge.console.tenant.TenantStore;

/**
 * Wires replays: publisher, single replay, bulk replays and their runner, recovery.
 */
@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

	@Bean
	ReplayPublisher replayPublisher(RabbitTemplate rabbit, DeadLetterProperties deadLetters,
			ReplayProperties properties) {
		return new ReplayPublisher(rabbit, deadLetters, properties);
	}

	@Bean
	ReplayService replayService(DeadLetterStore store, ReplayPublisher publisher, MeterRegistry meters) {
		return new ReplayService(store, publisher, meters);
	}

	@Bean
	BulkReplays bulkReplays(StringRedisTemplate redis, DeadLetterStore store, ReplayProperties properties,
			Clock clock) {
		return new BulkReplays(redis, store.prefix(), properties, clock);
	}

	@Bean
	HoldBack holdBack(CircuitStore circuits, TenantPauses pauses, TenantStore tenants, RateLimitReader rates,
			ReplayProperties properties, Clock clock) {
		return new HoldBack(circuits, pauses, tenants, rates, properties, clock);
	}

	@Bean
	BulkReplayRunner bulkReplayRunner(BulkReplays replays, DeadLetterStore store, ReplayService service,
			HoldBack holdBack, AuditLog audit, ReplayProperties properties) {
		return new BulkReplayRunner(replays, store, service, holdBack, audit, properties);
	}

	@Bean
	ReplayRecovery replayRecovery(DeadLetterStore store, ReplayService service, BulkReplays replays, AuditLog audit,
			ReplayProperties properties, Clock clock) {
		return new ReplayRecovery(store, service, replays, audit, properties, clock);
	}

}
