package io.genesysbridge.console.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.genesysbridge.console.ConsoleApplication;

/**
 * The one console context every {@code *IT} shares: the whole console on random ports
 * against the real RabbitMQ and Redis, with this run's queues and keys. Extend it and add
 * no context configuration of your own, so the context is built once per test JVM. Tests
 * use their own tenant ids, so they never see each other's dead letters.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConsoleTestConfiguration.class)
@AutoConfigureMockMvc
public abstract class ConsoleIntegrationTest {

	@DynamicPropertySource
	static void testRun(DynamicPropertyRegistry registry) {
		ConsoleTestRun.register(registry);
		registry.add("management.server.port", () -> 0);
	}

}
