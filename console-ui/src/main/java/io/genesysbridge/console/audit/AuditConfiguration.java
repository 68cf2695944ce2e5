package io.genesysbridge.console.audit;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the audit log.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditLog auditLog(StringRedisTemplate redis, AuditProperties properties, JsonMapper json, Clock clock) {
		return new AuditLog(redis, properties, json, clock);
	}

}
