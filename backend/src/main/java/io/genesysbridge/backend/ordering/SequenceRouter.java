package io.genesysbridge.backend.ordering;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

/**
 * The sequencer: the single active consumer of the contract queue (an exclusive consumer; a
 * standby replica takes over when it goes away). It numbers each message within its
 * conversation, forwards it to the work queue with {@link OrderHeaders}, and acknowledges a
 * batch only after every forwarded copy was confirmed. On any failure it requeues the whole
 * batch, which RabbitMQ puts back in its original order, so numbering always follows publish
 * order. Bodies it cannot read are forwarded unnumbered, for the worker to dead-letter.
 */
final class SequenceRouter implements ChannelAwareBatchMessageListener {

	static final String ROUTED = "genesysbridge.ordering.routed";

	private static final Log logger = LogFactory.getLog(SequenceRouter.class);

	private static final Duration BACKOFF_ON_FAILURE = Duration.ofSeconds(1);

	private static final int MAX_CONCURRENT_ASSIGNMENTS = 256;

	private final OrderingGate gate;

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final String workQueue;

	private final OrderingProperties properties;

	private final Counter routed;

	private final AtomicLong forwarded = new AtomicLong();

	SequenceRouter(OrderingGate gate, RabbitTemplate rabbit, JsonMapper json, String workQueue,
			OrderingProperties properties, MeterRegistry registry) {
		this.gate = gate;
		this.rabbit = rabbit;
		this.json = json;
		this.workQueue = workQueue;
		this.properties = properties;
		this.routed = Counter.builder(ROUTED)
			.description("Messages numbered per conversation and forwarded to the work queue")
			.register(registry);
	}

	@Override
	public void onMessageBatch(List<Message> messages, Channel channel) {
		if (messages.isEmpty()) {
			return;
		}
		long lastTag = messages.getLast().getMessageProperties().getDeliveryTag();
		try {
			Numbered[] numbered = assign(messages);
			List<CorrelationData> confirms = new ArrayList<>(messages.size());
			for (int i = 0; i < messages.size(); i++) {
				confirms.add(forward(messages.get(i), numbered[i]));
			}
			awaitConfirms(confirms);
			channel.basicAck(lastTag, true);
			this.routed.increment(messages.size());
		}
		catch (RuntimeException | IOException ex) {
			requeue(channel, lastTag, ex);
		}
	}

	/**
	 * Numbers the batch with one Redis round trip per conversation position rather than per
	 * message: conversations are numbered concurrently, the messages of one conversation one
	 * after another in batch (= publish) order.
	 * @return each message's conversation and number, null for a message that cannot be read
	 */
	private @Nullable Numbered[] assign(List<Message> messages) {
		OrderingGate.Assignment[] sequence = new OrderingGate.Assignment[messages.size()];
		Map<String, List<Integer>> positions = new LinkedHashMap<>();
		Identity[] identities = new Identity[messages.size()];
		for (int i = 0; i < messages.size(); i++) {
			identities[i] = identify(messages.get(i).getBody());
			if (identities[i] != null) {
				positions.computeIfAbsent(identities[i].key(), (key) -> new ArrayList<>()).add(i);
			}
		}
		Flux.fromIterable(positions.entrySet())
			.flatMap((conversation) -> Flux.fromIterable(conversation.getValue())
				.concatMap((i) -> this.gate.assign(conversation.getKey(), identities[i].identity())
					.doOnNext((seq) -> sequence[i] = seq)), MAX_CONCURRENT_ASSIGNMENTS)
			.then()
			.block(this.properties.confirmTimeout());
		Numbered[] numbered = new Numbered[messages.size()];
		for (int i = 0; i < messages.size(); i++) {
			if (identities[i] != null) {
				if (sequence[i] == null) {
					throw new IllegalStateException("no sequence number from Redis");
				}
				numbered[i] = new Numbered(identities[i].key(), sequence[i].seq(), sequence[i].head());
			}
		}
		return numbered;
	}

	private CorrelationData forward(Message message, @Nullable Numbered numbered) {
		MessageProperties properties = message.getMessageProperties();
		if (numbered != null) {
			properties.setHeader(OrderHeaders.KEY, numbered.key());
			properties.setHeader(OrderHeaders.SEQ, numbered.seq());
			if (numbered.head()) {
				properties.setHeader(OrderHeaders.HEAD, true);
			}
		}
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		// A counter for the id (unique among this process's pending confirms, as returns need):
		// CorrelationData's default is a random UUID from the process-wide, synchronized
		// SecureRandom, which the sequencer would contend for with every other UUID made.
		CorrelationData confirm = new CorrelationData(Long.toString(this.forwarded.incrementAndGet()));
		this.rabbit.send("", this.workQueue, new Message(message.getBody(), properties), confirm);
		return confirm;
	}

	private void awaitConfirms(List<CorrelationData> confirms) {
		long deadline = System.nanoTime() + this.properties.confirmTimeout().toNanos();
		for (CorrelationData confirm : confirms) {
			try {
				CorrelationData.Confirm result = confirm.getFuture()
					.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (!result.ack() || confirm.getReturned() != null) {
					throw new IllegalStateException("work queue refused a forwarded message");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted waiting for confirms", ex);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException("no confirm from the work queue", ex);
			}
		}
	}

	private void requeue(Channel channel, long lastTag, Exception cause) {
		logger.warn("Sequencer could not forward a batch (" + cause.getClass().getSimpleName() + ": "
				+ cause.getMessage() + "); requeueing it in order and backing off " + BACKOFF_ON_FAILURE);
		try {
			Thread.sleep(BACKOFF_ON_FAILURE);
			channel.basicNack(lastTag, true, true);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not requeue the batch; the broker redelivers it when the channel closes");
		}
	}

	private @Nullable Identity identify(byte[] body) {
		try {
			JsonNode root = this.json.readTree(body);
			String tenantId = text(root.path("metadata").get("tenantId"));
			String messageId = text(root.path("metadata").get("whatsapp_message_id"));
			String customerId = text(root.path("genesysPayload").path("channel").path("from").get("id"));
			return (tenantId != null && messageId != null && customerId != null)
					? new Identity(OrderingGate.conversationKey(tenantId, customerId), tenantId + ":" + messageId) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString() && !node.asString().isBlank()) ? node.asString() : null;
	}

	private record Numbered(String key, long seq, boolean head) {
	}

	/**
	 * @param key the conversation key
	 * @param identity the message's identity within the tenant (tenant and WhatsApp id)
	 */
	private record Identity(String key, String identity) {
	}

}
