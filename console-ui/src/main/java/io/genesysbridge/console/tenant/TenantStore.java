package io.genesysbridge.console.tenant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads the processor's tenant records and changes their rate limits. A change is a
 * read-modify-write of the JSON document that keeps every other field as it was
 * (including fields this console does not know, such as webhook secrets), applied with a
 * compare-and-set so a concurrent write by the processor or another operator is never
 * overwritten. The processor caches tenants for 5 s: a new limit applies on every replica
 * within that time.
 */
public class TenantStore {

	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
			  return 1
			end
			return 0
			""", Long.class);

	private static final int ATTEMPTS = 5;

	private final StringRedisTemplate redis;

	private final TenantProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	TenantStore(StringRedisTemplate redis, TenantProperties properties, JsonMapper json, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @return every tenant in the index, by id
	 */
	public List<TenantRecord> all() {
		Set<String> ids = this.redis.opsForSet().members(this.properties.keyPrefix() + "index");
		List<TenantRecord> tenants = new ArrayList<>();
		for (String id : new TreeSet<>((ids != null) ? ids : Set.of())) {
			find(id).ifPresent(tenants::add);
		}
		return tenants;
	}

	/**
	 * @param id a tenant id
	 * @return the tenant, if its record exists
	 */
	public Optional<TenantRecord> find(String id) {
		String document = this.redis.opsForValue().get(key(id));
		return (document != null) ? Optional.of(toRecord(id, this.json.readTree(document))) : Optional.empty();
	}

	/**
	 * Sets a tenant's rate limit, keeping the rest of its record.
	 * @param id tenant id
	 * @param perMinute new sustained rate
	 * @param burst new burst
	 * @return the previous record, or empty if the tenant does not exist
	 * @throws IllegalStateException if the record kept changing under concurrent writes
	 */
	public Optional<TenantRecord> changeLimit(String id, int perMinute, int burst) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			String document = this.redis.opsForValue().get(key(id));
			if (document == null) {
				return Optional.empty();
			}
			JsonNode root = this.json.readTree(document);
			if (!(root instanceof ObjectNode object)) {
				throw new IllegalStateException("tenant record " + id + " is not a JSON object");
			}
			TenantRecord previous = toRecord(id, object);
			ObjectNode changed = object.deepCopy();
			changed.put("rateLimitPerMinute", perMinute);
			changed.put("rateLimitBurst", burst);
			changed.put("updatedAt", this.clock.instant().toString());
			Long swapped = this.redis.execute(COMPARE_AND_SET, List.of(key(id)), document,
					this.json.writeValueAsString(changed));
			if (swapped != null && swapped == 1) {
				return Optional.of(previous);
			}
		}
		throw new IllegalStateException("tenant record " + id + " changed concurrently " + ATTEMPTS + " times");
	}

	private static TenantRecord toRecord(String id, JsonNode root) {
		List<String> integrations = new ArrayList<>();
		root.path("integrationIds").forEach((node) -> integrations.add(node.asString()));
		return new TenantRecord(text(root, "id", id), text(root, "region", ""), text(root, "clientId", ""),
				integrations, root.path("enabled").asBoolean(false), root.path("rateLimitPerMinute").asInt(0),
				root.path("rateLimitBurst").asInt(0), text(root, "updatedAt", ""));
	}

	private static String text(JsonNode root, String field, String fallback) {
		@Nullable JsonNode node = root.get(field);
		return (node != null && node.isString()) ? node.asString() : fallback;
	}

	private String key(String id) {
		return this.properties.keyPrefix() + id;
	}

}
