package io.genesysbridge.backend.receipt;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.genesysbridge.backend.receipt.ReceiptProgress.Claim;
import io.genesysbridge.backend.receipt.ReceiptProgress.State;
import io.genesysbridge.backend.support.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status ranking on the real Redis: delivered &lt; read &lt; failed, repeats dropped, one
 * sender per message at a time.
 */
class ReceiptProgressTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static LocalRedis redis;

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final ReceiptProgress progress = new ReceiptProgress(redis.template(),
			new ReceiptProperties(Duration.ofSeconds(5), this.prefix + "memory:%s", Duration.ofDays(7),
					this.prefix + "status:%s", Duration.ofDays(7), Duration.ofSeconds(30), 256));

	@BeforeAll
	static void connect() {
		redis = LocalRedis.connect();
	}

	@AfterAll
	static void disconnect() {
		redis.close();
	}

	@AfterEach
	void cleanUp() {
		redis.deleteMatching(this.prefix + "*");
	}

	@Test
	void shouldLetStatusesAdvanceDeliveredReadFailed() {
		assertThat(sendAndCommit("g", ReceiptStatus.DELIVERED)).isEqualTo(State.CLAIMED);
		assertThat(sendAndCommit("g", ReceiptStatus.READ)).isEqualTo(State.CLAIMED);
		assertThat(sendAndCommit("g", ReceiptStatus.FAILED)).isEqualTo(State.CLAIMED);
	}

	@Test
	void shouldDropARepeatAndAnythingBelowTheRecordedStatus() {
		sendAndCommit("g", ReceiptStatus.FAILED);

		Claim repeat = claim("g", ReceiptStatus.FAILED);
		Claim backwards = claim("g", ReceiptStatus.DELIVERED);

		assertThat(repeat.state()).isEqualTo(State.STALE);
		assertThat(repeat.recorded()).isEqualTo("failed");
		assertThat(backwards.state()).isEqualTo(State.STALE);
	}

	@Test
	void shouldDropDeliveredAfterRead() {
		sendAndCommit("g", ReceiptStatus.READ);

		assertThat(claim("g", ReceiptStatus.DELIVERED).state()).isEqualTo(State.STALE);
	}

	@Test
	void shouldKeepAStatusOpenWhenItsSendWasReleased() {
		Claim first = claim("g", ReceiptStatus.DELIVERED);

		this.progress.release(first).block(WAIT);

		assertThat(sendAndCommit("g", ReceiptStatus.DELIVERED)).isEqualTo(State.CLAIMED);
	}

	@Test
	void shouldHoldOffASecondStatusWhileTheFirstIsBeingSent() {
		Claim first = claim("g", ReceiptStatus.DELIVERED);

		Claim second = claim("g", ReceiptStatus.FAILED);
		this.progress.commit(first).block(WAIT);
		Claim retried = claim("g", ReceiptStatus.FAILED);

		assertThat(second.state()).isEqualTo(State.BUSY);
		assertThat(retried.state()).isEqualTo(State.CLAIMED);
	}

	@Test
	void shouldNeverLowerTheRecordedStatusOnALateCommit() {
		Claim delivered = claim("g", ReceiptStatus.DELIVERED);
		this.progress.release(delivered).block(WAIT);
		sendAndCommit("g", ReceiptStatus.FAILED);

		this.progress.commit(delivered).block(WAIT);

		assertThat(claim("g", ReceiptStatus.READ).recorded()).isEqualTo("failed");
	}

	@Test
	void shouldKeepMessagesApart() {
		sendAndCommit("g1", ReceiptStatus.FAILED);

		assertThat(claim("g2", ReceiptStatus.DELIVERED).state()).isEqualTo(State.CLAIMED);
	}

	private State sendAndCommit(String genesysId, ReceiptStatus status) {
		Claim claim = claim(genesysId, status);
		if (claim.state() == State.CLAIMED) {
			this.progress.commit(claim).block(WAIT);
		}
		return claim.state();
	}

	private Claim claim(String genesysId, ReceiptStatus status) {
		return this.progress.claim(genesysId, status).block(WAIT);
	}

}
