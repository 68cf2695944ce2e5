package io.genesysbridge.console.circuit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads the circuit states the processor mirrors to Redis and writes operator commands: a
 * command is the hash {@code <prefix><name>:forced} {state, at (epoch millis, newer than
 * the last command), by, reason}; every processor replica polls it (about every second)
 * and applies it, so a forced state holds on every replica, not just one JVM.
 */
public class CircuitStore {

	private final StringRedisTemplate redis;

	private final CircuitProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	CircuitStore(StringRedisTemplate redis, CircuitProperties properties, JsonMapper json, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param tenantIds known tenants, so that circuits never used yet are listed too
	 * @return every circuit, by name
	 */
	public List<CircuitView> all(List<String> tenantIds) {
		Set<String> names = new TreeSet<>(indexed());
		tenantIds.forEach((id) -> names.add(nameOf(id)));
		List<CircuitView> circuits = new ArrayList<>();
		for (String name : names) {
			circuits.add(read(name));
		}
		return circuits;
	}

	/**
	 * @param tenantId a tenant
	 * @return its circuit
	 */
	public CircuitView ofTenant(String tenantId) {
		return read(nameOf(tenantId));
	}

	/**
	 * @return names of circuits the processor has mirrored
	 */
	public Set<String> indexed() {
		Set<String> names = this.redis.opsForSet().members(this.properties.keyPrefix() + "index");
		return (names != null) ? names : Set.of();
	}

	/**
	 * Forces a circuit on every processor replica.
	 * @param name circuit name
	 * @param state FORCED_OPEN or CLOSED
	 * @param by operator
	 * @param reason why
	 */
	public void force(String name, String state, String by, String reason) {
		String key = key(name) + ":forced";
		Object previous = this.redis.opsForHash().get(key, "at");
		long at = Math.max(this.clock.millis(), parse(previous) + 1);
		this.redis.opsForHash()
			.putAll(key, Map.of("state", state, "at", String.valueOf(at), "by", by, "reason", reason));
		this.redis.opsForSet().add(this.properties.keyPrefix() + "index", name);
	}

	/**
	 * @param tenantId a tenant
	 * @return its circuit's name
	 */
	public String nameOf(String tenantId) {
		return this.properties.namePrefix() + tenantId;
	}

	/**
	 * @param name a circuit name
	 * @return the tenant it guards
	 */
	public String tenantOf(String name) {
		return name.startsWith(this.properties.namePrefix()) ? name.substring(this.properties.namePrefix().length())
				: name;
	}

	private CircuitView read(String name) {
		Map<Object, Object> state = this.redis.opsForHash().entries(key(name));
		Map<Object, Object> forced = this.redis.opsForHash().entries(key(name) + ":forced");
		List<String> transitions = this.redis.opsForList()
			.range(key(name) + ":transitions", 0, this.properties.transitionsShown() - 1);
		return new CircuitView(name, tenantOf(name), text(state, "state", "UNKNOWN"), text(state, "since", ""),
				number(text(state, "failureRate", "-1")), text(state, "replica", ""),
				forced.isEmpty() ? null
						: new CircuitView.Forced(text(forced, "state", ""), parse(forced.get("at")),
								text(forced, "by", ""), text(forced, "reason", "")),
				(transitions != null) ? transitions.stream().map(this::transition).flatMap(Optional::stream).toList()
						: List.of());
	}

	private Optional<CircuitView.Transition> transition(String entry) {
		try {
			JsonNode node = this.json.readTree(entry);
			return Optional.of(new CircuitView.Transition(node.path("from").asString(""), node.path("to").asString(""),
					node.path("at").asString(""), node.path("cause").asString(""), node.path("replica").asString("")));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private String key(String name) {
		return this.properties.keyPrefix() + name;
	}

	private static String text(Map<Object, Object> hash, String field, String fallback) {
		Object value = hash.get(field);
		return (value != null) ? value.toString() : fallback;
	}

	private static double number(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static long parse(Object value) {
		try {
			return (value != null) ? Long.parseLong(value.toString()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
