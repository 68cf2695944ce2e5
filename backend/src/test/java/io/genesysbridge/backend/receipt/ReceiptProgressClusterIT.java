package io.genesysbridge.backend.receipt;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.script.RedisScript;

import io.genesysbridge.backend.receipt.ReceiptProgress.Claim;
import io.genesysbridge.backend.receipt.ReceiptProgress.State;
import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Receipt progress on a 3-master Redis Cluster. Its claim and commit scripts touch a message's
 * status key and its lock together, which Redis Cluster allows only within one slot: the Genesys
 * id goes into the key as a hash tag.
 */
class ReceiptProgressClusterIT {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final List<String> messages = IntStream.range(0, 30).mapToObj((i) -> UUID.randomUUID().toString()).toList();

	@Test
	void shouldRankTheStatusesOfMessagesOnEveryMaster() {
		assertThat(this.messages.stream().map((id) -> RedisServers.clusterMaster("{" + id + "}")).distinct())
			.hasSize(3);

		RedisServers.cluster().run((redis) -> {
			ReceiptProgress progress = new ReceiptProgress(redis, Bound.properties("app.receipts",
					ReceiptProperties.class, "status-key-format", this.prefix + "receipt-status:%s"));
			for (String id : this.messages) {
				Claim delivered = progress.claim(id, ReceiptStatus.DELIVERED).block(WAIT);
				assertThat(delivered.state()).isEqualTo(State.CLAIMED);
				assertThat(progress.claim(id, ReceiptStatus.READ).block(WAIT).state()).isEqualTo(State.BUSY);
				progress.commit(delivered).block(WAIT);
				assertThat(progress.claim(id, ReceiptStatus.DELIVERED).block(WAIT).state()).isEqualTo(State.STALE);
				Claim read = progress.claim(id, ReceiptStatus.READ).block(WAIT);
				progress.release(read).block(WAIT);
				Claim again = progress.claim(id, ReceiptStatus.READ).block(WAIT);
				assertThat(again.state()).isEqualTo(State.CLAIMED);
				progress.commit(again).block(WAIT);
				assertThat(redis.opsForValue().get(this.prefix + "receipt-status:{" + id + "}").block(WAIT))
					.isEqualTo("read");
			}
		});
	}

	@Test
	void shouldRefuseAScriptOverAStatusKeyAndItsLockWithoutAHashTag() {
		RedisScript<String> script = RedisScript.of("return redis.call('GET', KEYS[2])", String.class);
		String untagged = this.prefix + "receipt-status:" + this.messages.getFirst();

		RedisServers.cluster()
			.run((redis) -> assertThatException()
				.isThrownBy(() -> redis.execute(script, List.of(untagged, untagged + ":lock")).blockFirst(WAIT))
				.withStackTraceContaining("CROSSSLOT"));
	}

}
