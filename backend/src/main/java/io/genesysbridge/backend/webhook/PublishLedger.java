package io.genesysbridge.backend.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The bridge's own record of what the webhook published, which makes "published exactly once"
 * hold even when a confirm is lost with its connection (a broker restart, a network cut).
 *
 * <p>
 * Every webhook publish carries a {@code BCC} header naming the ledger queue, so the broker
 * routes the one message to its output queue and to the ledger together: if the broker took it,
 * both queues hold it; if not, neither does. Draining the ledger (one replica at a time, under a
 * Redis lock) marks every payload found there as published in the dedupe store, then
 * acknowledges the entries. A payload whose publish became uncertain is therefore settled by a
 * drain: after it, the payload's key says published (the broker has it; Genesys's retry gets 200
 * without a second publish) or still says uncertain (the broker never took it; the retry
 * publishes).
 *
 * <p>
 * Every replica drains every {@code ledgerDrainInterval}, so the queue stays near empty; a
 * retry of an uncertain payload drains at once. The ledger is a durable queue whose entries
 * expire after {@code ledgerTtl} should no replica run. Operational consequence: if the ledger
 * cannot be drained (RabbitMQ or Redis away), retries of uncertain payloads are answered 503
 * and Genesys tries again; nothing is published twice and nothing is dropped.
 *
 * <p>
 * Since the ledger always routes, a publish is no longer returned when its output queue is
 * missing. The periodic drain therefore also checks that the output queues exist and declares a
 * missing one at once, with the configured queue type (logged as an error and counted): a
 * message published while an operator had deleted the output queue would reach only the ledger.
 */
class PublishLedger implements SmartLifecycle {

	/** Header with the integration id of a published payload (its dedupe key needs it). */
	static final String INTEGRATION_HEADER = "x-bridge-integration-id";

	private static final Log logger = LogFactory.getLog(PublishLedger.class);

	private static final int BATCH = 500;

	private static final Duration POLL = Duration.ofMillis(50);

	private static final Duration LOCK_LEASE = Duration.ofSeconds(30);

	private static final Duration MAX_DRAIN = Duration.ofSeconds(10);

	private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(5);

	private static final RedisScript<Long> UNLOCK = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

	private final RabbitTemplate template;

	private final WebhookDeduplicator dedupe;

	private final ReactiveStringRedisTemplate redis;

	private final String queue;

	private final List<Queue> outputs;

	private final WebhookProperties properties;

	private final WebhookMetrics metrics;

	private volatile @Nullable Disposable periodic;

	PublishLedger(RabbitTemplate template, WebhookDeduplicator dedupe, ReactiveStringRedisTemplate redis,
			String queue, List<Queue> outputs, WebhookProperties properties, WebhookMetrics metrics) {
		this.template = template;
		this.dedupe = dedupe;
		this.redis = redis;
		this.queue = queue;
		this.outputs = List.copyOf(outputs);
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * Drains the ledger completely, waiting up to {@code inFlightWait} for another replica's
	 * drain to finish first.
	 * @return completes once every entry present when it started is recorded; an error if the
	 * ledger could not be drained (the caller answers 503)
	 */
	Mono<Void> drain() {
		long polls = Math.max(0, this.properties.inFlightWait().toMillis() / POLL.toMillis());
		return lock().retryWhen(Retry.fixedDelay(polls, POLL)
			.filter(LockBusy.class::isInstance)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.flatMap(this::drainHolding);
	}

	private Mono<Void> drainIfFree() {
		return lock().flatMap(this::drainHolding).onErrorResume(LockBusy.class, (busy) -> Mono.empty());
	}

	private Mono<String> lock() {
		String token = UUID.randomUUID().toString();
		return this.redis.opsForValue()
			.setIfAbsent(this.properties.ledgerLockKey(), token, LOCK_LEASE)
			.flatMap((locked) -> locked ? Mono.just(token) : Mono.error(new LockBusy()));
	}

	private Mono<Void> drainHolding(String token) {
		return Mono.usingWhen(Mono.just(token),
				(held) -> Mono.fromCallable(this::drainAll).subscribeOn(Schedulers.boundedElastic()).then(),
				(held) -> this.redis.execute(UNLOCK, List.of(this.properties.ledgerLockKey()), List.of(held)).then());
	}

	private int drainAll() {
		long deadline = System.nanoTime() + MAX_DRAIN.toNanos();
		int total = 0;
		while (true) {
			Integer drained = this.template.execute(this::drainBatch);
			int count = (drained != null) ? drained : 0;
			total += count;
			if (count < BATCH) {
				return total;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the webhook ledger still had entries after " + MAX_DRAIN);
			}
		}
	}

	/**
	 * Takes up to one batch of entries, records them in Redis and only then acknowledges them;
	 * on any failure the entries go back to the queue.
	 */
	private int drainBatch(Channel channel) throws IOException {
		List<String> keys = new ArrayList<>();
		long last = -1;
		int count = 0;
		try {
			GetResponse response;
			while (count < BATCH && (response = channel.basicGet(this.queue, false)) != null) {
				count++;
				last = response.getEnvelope().getDeliveryTag();
				String key = keyOf(response);
				if (key != null) {
					keys.add(key);
				}
			}
			if (last >= 0) {
				this.dedupe.markPublished(keys).block(REDIS_TIMEOUT);
				channel.basicAck(last, true);
				last = -1;
				this.metrics.ledgerDrained(count);
			}
			return count;
		}
		finally {
			if (last >= 0 && channel.isOpen()) {
				channel.basicNack(last, true, true);
			}
		}
	}

	private @Nullable String keyOf(GetResponse response) {
		var props = response.getProps();
		Object integration = (props.getHeaders() != null) ? props.getHeaders().get(INTEGRATION_HEADER) : null;
		if (props.getMessageId() == null || integration == null) {
			logger.warn("Dropped a webhook ledger entry without message id or integration header");
			return null;
		}
		return this.dedupe.keyOf(integration.toString(), props.getMessageId());
	}

	@Override
	public void start() {
		Duration interval = this.properties.ledgerDrainInterval();
		this.periodic = Flux.interval(interval, interval)
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.fromRunnable(this::declareMissingOutputs)
				.subscribeOn(Schedulers.boundedElastic())
				.then(drainIfFree())
				.onErrorResume((ex) -> {
					this.metrics.ledgerDrainFailed();
					if (logger.isDebugEnabled()) {
						logger.debug("Could not drain the webhook ledger (retried in " + interval + "): " + ex);
					}
					return Mono.empty();
				}), 0)
			.subscribe();
	}

	private void declareMissingOutputs() {
		for (Queue output : this.outputs) {
			String name = output.getName();
			if (!Boolean.TRUE.equals(this.template.execute((channel) -> exists(channel, name)))) {
				this.template
					.execute((channel) -> channel.queueDeclare(name, true, false, false, output.getArguments()));
				this.metrics.outputQueueRedeclared(name);
				logger.error("Webhook output queue " + name + " was missing (deleted?); declared it again. "
						+ "Webhook messages published while it was missing reached only the ledger");
			}
		}
	}

	/** A failed passive declaration closes the channel; the template then discards it. */
	private static boolean exists(Channel channel, String queue) {
		try {
			channel.queueDeclarePassive(queue);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void stop() {
		Disposable running = this.periodic;
		if (running != null) {
			running.dispose();
			this.periodic = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.periodic != null;
	}

	/** Another replica is draining. */
	private static final class LockBusy extends RuntimeException {

		LockBusy() {
			super(null, null, false, false);
		}

	}

}
