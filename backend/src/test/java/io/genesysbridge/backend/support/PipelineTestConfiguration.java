package io.genesysbridge.backend.support;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test beans shared by the pipeline tests: the queue probe and the end-of-run cleaner.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PipelineTestConfiguration {

	@Bean
	QueueProbe queueProbe(ConnectionFactory connectionFactory) {
		return new QueueProbe(connectionFactory);
	}

	@Bean
	TestResourcesCleaner testResourcesCleaner(ConnectionFactory connectionFactory) {
		return new TestResourcesCleaner(connectionFactory);
	}

}
