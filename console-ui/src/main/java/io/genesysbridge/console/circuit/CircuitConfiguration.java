package io.genesysbridge.console.circuit;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the circuit store.
 */
@Configuration(proxyBeanMethods = false)
class CircuitConfiguration {

	@Bean
	CircuitStore circuitStore(StringRedisTemplate redis, CircuitProperties properties, JsonMapper json, Clock clock) {
		return new CircuitStore(redis, properties, json, clock);
	}

}
