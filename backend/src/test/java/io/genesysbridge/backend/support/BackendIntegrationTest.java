package io.genesysbridge.backend.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.genesysbridge.backend.BackendApplication;

/**
 * The one Spring context every backend {@code *IT} shares: the whole processor on a random port,
 * against the real RabbitMQ (through {@link TestRun#RABBIT}) and Redis, with this run's queues.
 *
 * <p>
 * Extend it and add no context configuration of your own. Spring's context cache key includes
 * each {@code @DynamicPropertySource} method, so a test class declaring its own (even one that
 * only calls {@link TestRun#register}) gets a second live context, and two contexts consume the
 * same run-scoped queues: a message then lands in either, and per-context metrics miss it.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PipelineTestConfiguration.class)
public abstract class BackendIntegrationTest {

	@DynamicPropertySource
	static void testRun(DynamicPropertyRegistry registry) {
		TestRun.register(registry);
	}

}
