package io.genesysbridge.backend.circuit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.genesysbridge.backend.resilience.ErrorClassifier;

/**
 * Writes every circuit state change to Redis so the console and operators see it: the current
 * state ({@code <prefix><name>} hash: state, since, failureRate, replica), the last transitions
 * with time and cause ({@code <prefix><name>:transitions}, newest first) and the index of known
 * circuits. The cause of an opening is the failure rate and the last failure's reason.
 */
final class CircuitStateMirror {

	private static final Log logger = LogFactory.getLog(CircuitStateMirror.class);

	private final ReactiveStringRedisTemplate redis;

	private final CircuitProperties properties;

	private final ErrorClassifier classifier;

	private final JsonMapper json;

	private final Clock clock;

	private final String replica;

	private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

	private final Map<String, String> announcedCause = new ConcurrentHashMap<>();

	CircuitStateMirror(ReactiveStringRedisTemplate redis, CircuitProperties properties, ErrorClassifier classifier,
			JsonMapper json, Clock clock, String replica) {
		this.redis = redis;
		this.properties = properties;
		this.classifier = classifier;
		this.json = json;
		this.clock = clock;
		this.replica = replica;
	}

	void watch(CircuitBreaker breaker) {
		breaker.getEventPublisher()
			.onError((event) -> this.lastFailure.put(breaker.getName(),
					this.classifier.classify(event.getThrowable()).reason()))
			.onStateTransition((event) -> record(breaker, event, null));
		record(breaker, null, null);
	}

	/**
	 * Runs an operator's forced transition so that its one recorded transition carries the
	 * operator's cause; a command that changes nothing (already in that state) is still recorded.
	 */
	void force(CircuitBreaker breaker, Runnable transition, String cause) {
		CircuitBreaker.State before = breaker.getState();
		this.announcedCause.put(breaker.getName(), cause);
		transition.run();
		if (breaker.getState() == before) {
			this.announcedCause.remove(breaker.getName());
			record(breaker, null, cause);
		}
	}

	private void record(CircuitBreaker breaker, CircuitBreakerOnStateTransitionEvent event, String forcedCause) {
		String name = breaker.getName();
		String now = this.clock.instant().toString();
		String state = breaker.getState().name();
		Map<String, String> current = Map.of("state", state, "since", now, "failureRate",
				String.valueOf(breaker.getMetrics().getFailureRate()), "replica", this.replica);
		Mono<?> writes = this.redis.opsForHash()
			.putAll(key(name), current)
			.then(this.redis.opsForSet().add(this.properties.keyPrefix() + "index", name));
		if (event != null || forcedCause != null) {
			String from = (event != null) ? event.getStateTransition().getFromState().name() : "";
			String to = (event != null) ? event.getStateTransition().getToState().name() : state;
			String announced = (event != null) ? this.announcedCause.remove(name) : null;
			String cause = (forcedCause != null) ? forcedCause : (announced != null) ? announced : cause(breaker, to);
			String entry = this.json.writeValueAsString(Map.of("from", from, "to", to, "at", now, "cause", cause,
					"replica", this.replica));
			writes = writes.then(this.redis.opsForList().leftPush(key(name) + ":transitions", entry))
				.then(this.redis.opsForList().trim(key(name) + ":transitions", 0, this.properties.transitionsKept() - 1));
			logger.warn("Circuit " + name + " " + from + " -> " + to + ": " + cause);
		}
		writes.onErrorResume((ex) -> {
			logger.warn("Could not mirror circuit " + name + " state to Redis: " + ex.getClass().getSimpleName());
			return Mono.empty();
		}).subscribe();
	}

	private String cause(CircuitBreaker breaker, String to) {
		CircuitBreaker.Metrics metrics = breaker.getMetrics();
		if ("OPEN".equals(to)) {
			return "failure rate " + metrics.getFailureRate() + "% over " + metrics.getNumberOfBufferedCalls()
					+ " calls; last failure " + this.lastFailure.getOrDefault(breaker.getName(), "unknown");
		}
		if ("HALF_OPEN".equals(to)) {
			return "open wait of " + this.properties.waitInOpenState() + " elapsed; trying "
					+ this.properties.halfOpenCalls() + " calls";
		}
		if ("CLOSED".equals(to)) {
			return "trial calls succeeded";
		}
		return to.toLowerCase(java.util.Locale.ROOT);
	}

	String key(String name) {
		return this.properties.keyPrefix() + name;
	}

	List<String> keys(String name) {
		return List.of(key(name), key(name) + ":transitions", key(name) + ":forced");
	}

}
