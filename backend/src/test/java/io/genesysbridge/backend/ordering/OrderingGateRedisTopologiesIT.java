package io.genesysbridge.backend.ordering;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.support.Bound;
import io.genesysbridge.backend.support.RedisServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordering gate's two scripts (assign: three keys; advance) on a 3-master Redis Cluster and
 * behind a Sentinel, configured only through Boot's {@code spring.data.redis.cluster.*} and
 * {@code spring.data.redis.sentinel.*}: a conversation's keys share its hash tag, so every
 * conversation works whichever master owns it.
 */
class OrderingGateRedisTopologiesIT {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final String prefix = "test:" + UUID.randomUUID() + ":order:";

	private final List<String> conversations = IntStream.range(0, 30)
		.mapToObj((i) -> OrderingGate.conversationKey("tenant-" + i, "customer-" + i))
		.toList();

	@Test
	void shouldNumberAndReleaseConversationsOnEveryClusterMaster() {
		assertThat(this.conversations.stream().map((key) -> RedisServers.clusterMaster("{" + key + "}")).distinct())
			.as("the conversations are spread over all three masters")
			.hasSize(3);

		RedisServers.cluster().run(this::numberAndRelease);
	}

	@Test
	void shouldNumberAndReleaseConversationsThroughSentinel() {
		RedisServers.sentinel().run(this::numberAndRelease);
	}

	private void numberAndRelease(ReactiveStringRedisTemplate redis) {
		OrderingGate gate = new OrderingGate(redis,
				Bound.properties("app.ordering", OrderingProperties.class, "key-prefix", this.prefix));
		for (String conversation : this.conversations) {
			assertThat(gate.assign(conversation, "m1").block(WAIT)).isEqualTo(new OrderingGate.Assignment(1, true));
			assertThat(gate.assign(conversation, "m2").block(WAIT)).as("m1 is not done")
				.isEqualTo(new OrderingGate.Assignment(2, false));
			assertThat(gate.assign(conversation, "m1").block(WAIT)).as("a redelivery keeps its number")
				.isEqualTo(new OrderingGate.Assignment(1, true));
			assertThat(gate.next(conversation).block(WAIT)).isEqualTo(1L);
			assertThat(gate.advance(conversation, 1).block(WAIT)).isEqualTo(2L);
			assertThat(gate.assign(conversation, "m2").block(WAIT)).as("a redelivery once m1 is done")
				.isEqualTo(new OrderingGate.Assignment(2, true));
			assertThat(gate.advance(conversation, 1).block(WAIT)).as("a stale advance changes nothing").isEqualTo(2L);
			assertThat(gate.skipTo(conversation, 5).block(WAIT)).isEqualTo(6L);
			assertThat(gate.next(conversation).block(WAIT)).isEqualTo(6L);
		}
	}

}
