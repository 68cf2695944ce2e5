package io.genesysbridge.backend.inbound;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.genesysbridge.backend.BackendApplication;
import io.genesysbridge.backend.support.PipelineTestConfiguration;
import io.genesysbridge.backend.support.TestRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function's routing on the test binder: which binding consumes what, and what the
 * {@code inbound-out-0} binding receives. Redis and the fake Genesys are real.
 */
@SpringBootTest(classes = BackendApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.cloud.stream.default-binder=integration", "app.ordering.enabled=false" })
@EnableTestBinder
@Import(PipelineTestConfiguration.class)
class InboundFunctionTests {

	@Autowired
	private InputDestination input;

	@Autowired
	private OutputDestination output;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		TestRun.register(registry);
	}

	@Test
	void shouldRouteADeliveredMessageToTheCorrelationBindingWithItsCorrelationId() {
		String wamid = "wamid." + UUID.randomUUID();

		this.input.send(json(InboundFixtures.bytes(InboundFixtures.valid(TestRun.TENANTS[2], wamid))),
				TestRun.WORK_QUEUE);

		Message<byte[]> event = this.output.receive(10_000, TestRun.CORRELATION_QUEUE);
		assertThat(event).isNotNull();
		JsonNode body = InboundFixtures.JSON.readTree(event.getPayload());
		assertThat(body.get("whatsapp_message_id").asString()).isEqualTo(wamid);
		assertThat(body.get("status").asString()).isEqualTo("created");
		assertThat(event.getHeaders().get(AmqpHeaders.CORRELATION_ID)).isEqualTo("corr-" + wamid);
	}

	@Test
	void shouldPublishNothingForAnInvalidMessage() {
		this.input.send(json("{\"metadata\":{}}".getBytes(StandardCharsets.UTF_8)), TestRun.WORK_QUEUE);

		assertThat(this.output.receive(1_000, TestRun.CORRELATION_QUEUE)).isNull();
	}

	@Test
	void shouldPublishNothingForACopyOfADeliveredMessage() {
		String wamid = "wamid." + UUID.randomUUID();
		byte[] body = InboundFixtures.bytes(InboundFixtures.valid(TestRun.TENANTS[2], wamid));
		this.input.send(json(body), TestRun.WORK_QUEUE);
		assertThat(this.output.receive(10_000, TestRun.CORRELATION_QUEUE)).isNotNull();

		this.input.send(json(body), TestRun.WORK_QUEUE);

		assertThat(this.output.receive(1_000, TestRun.CORRELATION_QUEUE)).isNull();
	}

	private static Message<byte[]> json(byte[] body) {
		return MessageBuilder.withPayload(body).setHeader("contentType", "application/json").build();
	}

}
