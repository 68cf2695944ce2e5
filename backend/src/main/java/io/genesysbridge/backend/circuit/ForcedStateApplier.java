package io.genesysbridge.backend.circuit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Applies operator commands to every replica: each replica polls the
 * {@code <prefix><name>:forced} hashes ({@code state} = {@code FORCED_OPEN} or {@code CLOSED},
 * {@code at} = epoch millis, {@code by}, {@code reason}) and applies a command newer than the
 * last it applied. {@code FORCED_OPEN} holds until a later {@code CLOSED}.
 */
final class ForcedStateApplier implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ForcedStateApplier.class);

	private final ReactiveStringRedisTemplate redis;

	private final CircuitBreakerRegistry registry;

	private final CircuitStateMirror mirror;

	private final CircuitProperties properties;

	private final Map<String, Long> applied = new ConcurrentHashMap<>();

	private volatile Disposable polling;

	ForcedStateApplier(ReactiveStringRedisTemplate redis, CircuitBreakerRegistry registry, CircuitStateMirror mirror,
			CircuitProperties properties) {
		this.redis = redis;
		this.registry = registry;
		this.mirror = mirror;
		this.properties = properties;
	}

	@Override
	public void start() {
		this.polling = Flux.interval(this.properties.forcedStatePoll())
			.onBackpressureDrop()
			.concatMap((tick) -> pollOnce().onErrorResume((ex) -> Mono.empty()))
			.subscribe();
	}

	Mono<Void> pollOnce() {
		return this.redis.opsForSet()
			.members(this.properties.keyPrefix() + "index")
			.flatMap((name) -> this.redis.<String, String>opsForHash()
				.entries(this.mirror.key(name) + ":forced")
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.doOnNext((command) -> apply(name, command)))
			.then();
	}

	private void apply(String name, Map<String, String> command) {
		String state = command.get("state");
		long at = parse(command.get("at"));
		if (state == null || at <= this.applied.getOrDefault(name, 0L)) {
			return;
		}
		this.applied.put(name, at);
		CircuitBreaker breaker = this.registry.circuitBreaker(name);
		String cause = "forced " + state + " by " + command.getOrDefault("by", "operator") + ": "
				+ command.getOrDefault("reason", "no reason given");
		if ("FORCED_OPEN".equals(state)) {
			this.mirror.force(breaker, breaker::transitionToForcedOpenState, cause);
		}
		else if ("CLOSED".equals(state)) {
			this.mirror.force(breaker, breaker::transitionToClosedState, cause);
		}
		else {
			logger.warn("Ignoring unknown forced state '" + state + "' for circuit " + name);
		}
	}

	private static long parse(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0L;
		}
		catch (NumberFormatException ex) {
			return 0L;
		}
	}

	@Override
	public void stop() {
		Disposable current = this.polling;
		if (current != null) {
			current.dispose();
		}
		this.polling = null;
	}

	@Override
	public boolean isRunning() {
		return this.polling != null;
	}

}
