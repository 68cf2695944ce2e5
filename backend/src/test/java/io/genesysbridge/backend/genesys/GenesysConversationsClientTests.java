package io.genesysbridge.backend.genesys;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.genesysbridge.backend.resilience.ErrorClassifier;
import io.genesysbridge.backend.support.LocalRedis;
import io.genesysbridge.backend.tenant.Tenant;
import io.genesysbridge.fake.FakeConversation;
import io.genesysbridge.fake.FakeConversations;
import io.genesysbridge.fake.FakeGenesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class GenesysConversationsClientTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CUSTOMER = "+33611111111";

	private static FakeGenesys fake;

	private static LocalRedis redis;

	private Tenant tenant;

	private GenesysConversationsClient client;

	private FakeConversation seeded;

	@BeforeAll
	static void start() {
		fake = FakeGenesys.start();
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void stop() {
		fake.close();
		redis.close();
	}

	@BeforeEach
	void freshTenant() {
		fake.reset();
		this.tenant = GenesysTestKit.tenant(fake, "integration-1");
		this.client = new GenesysTestKit(redis.template(), Duration.ofSeconds(2), Duration.ofSeconds(60)).conversations;
		this.seeded = fake.conversations().seed("integration-1", CUSTOMER, "user-1");
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching("tenant:" + this.tenant.id() + ":*");
	}

	@Test
	void shouldReadTheConversationWithItsParticipants() {
		JsonNode conversation = this.client.conversation(this.tenant, this.seeded.id()).block(WAIT);

		assertThat(conversation.path("id").asString()).isEqualTo(this.seeded.id());
		assertThat(conversation.path("participants").values()).extracting((p) -> p.path("purpose").asString())
			.containsExactly("customer", "agent");
	}

	@Test
	void shouldFetchTheMessagesOldestFirst() {
		ConversationMessages messages = this.client.messages(this.tenant, this.seeded.id(), 50).block(WAIT);

		assertThat(messages.total()).isEqualTo(2);
		assertThat(messages.truncated()).isFalse();
		assertThat(messages.messages()).extracting((m) -> m.path("textBody").asString())
			.containsExactly(FakeConversations.SEEDED_CUSTOMER_TEXT, FakeConversations.SEEDED_AGENT_TEXT);
	}

	@Test
	void shouldKeepOnlyTheNewestMessagesOverTheLimit() {
		ConversationMessages messages = this.client.messages(this.tenant, this.seeded.id(), 1).block(WAIT);

		assertThat(messages.truncated()).isTrue();
		assertThat(messages.messages()).singleElement()
			.satisfies((m) -> assertThat(m.path("id").asString()).isEqualTo(this.seeded.messageIds().get(1)));
	}

	@Test
	void shouldDisconnectTheCustomerOnceAndReportItAfterwards() {
		CustomerDisconnect first = this.client.disconnectCustomer(this.tenant, this.seeded.id()).block(WAIT);
		CustomerDisconnect second = this.client.disconnectCustomer(this.tenant, this.seeded.id()).block(WAIT);

		assertThat(first).isEqualTo(new CustomerDisconnect(this.seeded.customerParticipantId(), false));
		assertThat(second).isEqualTo(new CustomerDisconnect(this.seeded.customerParticipantId(), true));
		assertThat(fake.conversations().participantState(this.seeded.id(), this.seeded.customerParticipantId()))
			.contains("disconnected");
		assertThat(fake.conversations().participantState(this.seeded.id(), this.seeded.agentParticipantId()))
			.contains("connected");
	}

	@Test
	void shouldSetParticipantAttributes() {
		this.client.updateParticipantAttributes(this.tenant, this.seeded.id(), this.seeded.customerParticipantId(),
				Map.of("orderId", "4711"))
			.block(WAIT);

		assertThat(fake.conversations().participantAttributes(this.seeded.id(), this.seeded.customerParticipantId()))
			.containsEntry("orderId", "4711");
	}

	@Test
	void shouldPostTheAgentTypingIndicator() {
		this.client.agentTyping(this.tenant, this.seeded.id(), this.seeded.agentParticipantId(), Duration.ofSeconds(3))
			.block(WAIT);

		assertThat(fake.conversations().typingIndicators(this.seeded.id(), this.seeded.agentParticipantId()))
			.isEqualTo(1);
	}

	@Test
	void shouldSendAnAgentlessMessage() {
		AgentlessResult result = this.client
			.sendAgentless(this.tenant, AgentlessMessage.openText("integration-1", CUSTOMER, "Your order shipped", false))
			.block(WAIT);

		assertThat(result.id()).isNotBlank();
		assertThat(fake.conversations().agentlessMessages()).singleElement().satisfies((sent) -> {
			assertThat(sent.messageId()).isEqualTo(result.id());
			assertThat(sent.conversationId()).isEqualTo(result.conversationId());
			assertThat(sent.textBody()).isEqualTo("Your order shipped");
		});
	}

	@Test
	void shouldRejectAnUnknownConversationWithItsContextId() {
		Throwable thrown = catchThrowable(() -> this.client.conversation(this.tenant, "no-such-conversation").block(WAIT));

		assertThat(thrown).isInstanceOfSatisfying(GenesysRejectedException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(404);
			assertThat(ex.code()).isEqualTo("not.found");
			assertThat(ex.contextId()).isNotBlank();
			assertThat(ex.operation()).isEqualTo(GenesysConversationsClient.CONVERSATION);
		});
	}

	@Test
	void shouldCarryRetryAfterOfA429() {
		fake.retryAfter(Duration.ofSeconds(3));
		fake.failNext(1, 429);

		Throwable thrown = catchThrowable(
				() -> this.client.disconnectCustomer(this.tenant, this.seeded.id()).block(WAIT));

		assertThat(thrown).isInstanceOfSatisfying(GenesysRetryableException.class,
				(ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
		assertThat(new ErrorClassifier().classify(thrown).reason()).isEqualTo("genesys.conversation.429");
	}

}
