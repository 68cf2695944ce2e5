package io.genesysbridge.console.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import io.genesysbridge.console.support.ConsoleIntegrationTest;
import io.genesysbridge.console.support.ConsoleTestRun;
import io.genesysbridge.console.support.DeadLetters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIngestionIT extends ConsoleIntegrationTest {

	@Autowired
	private RabbitTemplate rabbit;

	@Autowired
	private DeadLetterStore store;

	@Test
	void shouldStoreADeadLetterWithItsFailureAndExpiryThenAcknowledgeIt() {
		String tenant = ConsoleTestRun.tenantId("ingest");
		Instant failed = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		publish(DeadLetters.of(tenant, "wamid.ingest.1", "Hello World", "genesys.inbound-message.400", failed));

		DeadLetterSummary stored = awaitOne(tenant);
		assertThat(stored.messageId()).isEqualTo("wamid.ingest.1");
		assertThat(stored.reason()).isEqualTo("genesys.inbound-message.400");
		assertThat(stored.status()).isEqualTo(DeadLetterStatus.WAITING);
		assertThat(stored.attempts()).isEqualTo(1);
		assertThat(stored.lastFailure()).isEqualTo(failed);
		assertThat(stored.expires()).isEqualTo(failed.plus(Duration.ofDays(14)));
		DeadLetter full = this.store.find(stored.id()).orElseThrow();
		assertThat(new String(full.payload())).contains("Hello World");
		assertThat(full.headers()).containsEntry("x-bridge-failure-class", "PERMANENT")
			.containsKey("x-bridge-order-seq");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.rabbit.execute((channel) -> channel.messageCount(ConsoleTestRun.DEAD_LETTER_QUEUE)) == 0);
	}

	@Test
	void shouldStoreARedeliveredDeadLetterOnceAndAddAttemptsWhenItFailsAgain() {
		String tenant = ConsoleTestRun.tenantId("again");
		Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		Message deadLetter = DeadLetters.of(tenant, "wamid.again.1", "hi", "genesys.inbound-message.400", first);
		deadLetter.getMessageProperties().setHeader("x-bridge-attempts", 3);
		publish(deadLetter);
		publish(deadLetter);
		DeadLetterSummary once = awaitOne(tenant);
		await().during(Duration.ofMillis(500)).until(() -> this.store.find(query(tenant)).getFirst().attempts() == 3);

		Instant later = first.plusSeconds(30);
		Message failedAgain = DeadLetters.of(tenant, "wamid.again.1", "hi", "genesys.http.503", later);
		failedAgain.getMessageProperties().setHeader("x-bridge-attempts", 2);
		failedAgain.getMessageProperties().setHeader("x-bridge-first-failure-at", first.toString());
		publish(failedAgain);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.find(query(tenant)).getFirst().attempts() == 5);
		DeadLetterSummary again = this.store.find(query(tenant)).getFirst();
		assertThat(again.id()).isEqualTo(once.id());
		assertThat(again.reason()).isEqualTo("genesys.http.503");
		assertThat(again.firstFailure()).isEqualTo(first);
		assertThat(again.lastFailure()).isEqualTo(later);
		assertThat(
				this.store.find(new DeadLetterQuery("", "genesys.inbound-message.400", "", "", Set.of(), null, null)))
			.extracting(DeadLetterSummary::id)
			.doesNotContain(once.id());
	}

	@Test
	void shouldFilterByTenantReasonIdAndTimeAndGroupByFingerprint() {
		String tenant = ConsoleTestRun.tenantId("filter");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < 4; i++) {
			publish(DeadLetters.of(tenant, "wamid.filter." + i, "x", "genesys.inbound-message.400",
					now.minusSeconds(i * 600L)));
		}
		publish(DeadLetters.of(tenant, "wamid.filter.text", "", "validation.text.empty", now));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.find(query(tenant)).size() == 5);

		List<DeadLetterSummary> recent = this.store
			.find(new DeadLetterQuery(tenant, "", "", "", Set.of(), now.minusSeconds(900), null));
		List<DeadLetterSummary> byReason = this.store
			.find(new DeadLetterQuery(tenant, "validation.text.empty", "", "", Set.of(), null, null));
		List<DeadLetterSummary> byId = this.store
			.find(new DeadLetterQuery("", "", "", "wamid.filter.2", Set.of(), null, null));
		List<FailureGroup> groups = FailureGroup.of(this.store.find(query(tenant)));

		assertThat(recent).extracting(DeadLetterSummary::messageId)
			.containsExactlyInAnyOrder("wamid.filter.0", "wamid.filter.1", "wamid.filter.text");
		assertThat(byReason).extracting(DeadLetterSummary::messageId).containsExactly("wamid.filter.text");
		assertThat(byId).extracting(DeadLetterSummary::tenant).containsExactly(tenant);
		assertThat(groups).extracting(FailureGroup::reason, FailureGroup::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("genesys.inbound-message.400", 4),
					org.assertj.core.groups.Tuple.tuple("validation.text.empty", 1));
	}

	@Test
	void shouldDropDeadLettersPastTheirRetention() {
		String tenant = ConsoleTestRun.tenantId("expired");
		publish(DeadLetters.of(tenant, "wamid.old", "x", "genesys.inbound-message.400",
				Instant.now().minus(Duration.ofDays(15))));
		publish(DeadLetters.of(tenant, "wamid.new", "x", "genesys.inbound-message.400", Instant.now()));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.store.find(query(tenant))).extracting(DeadLetterSummary::messageId)
				.containsExactly("wamid.new"));
	}

	private void publish(Message message) {
		this.rabbit.send("", ConsoleTestRun.DEAD_LETTER_QUEUE, message);
	}

	private DeadLetterSummary awaitOne(String tenant) {
		await().atMost(Duration.ofSeconds(5)).until(() -> this.store.find(query(tenant)).size() == 1);
		return this.store.find(query(tenant)).getFirst();
	}

	static DeadLetterQuery query(String tenant) {
		return new DeadLetterQuery(tenant, "", "", "", Set.of(), null, null);
	}

}
