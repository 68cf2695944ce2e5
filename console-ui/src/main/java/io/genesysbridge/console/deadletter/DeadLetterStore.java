package io.genesysbridge.console.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Dead letters in Redis: stored by the DLQ consumer, read by the pages, changed only
 * through the compare-and-set scripts of {@link DeadLetterScripts}. Record and index
 * layout: see there.
 */
public class DeadLetterStore {

	private static final String[] SUMMARY_FIELDS = { "id", "status", "kind", "tenant", "messageId", "correlationId",
			"reason", "failureClass", "exception", "detail", "fingerprint", "attempts", "replays", "firstFailureMs",
			"lastFailureMs", "expiresMs", "replayBy", "lastReplayError" };

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final StringRedisTemplate redis;

	private final DeadLetterProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private volatile @Nullable WaitingCounts waiting;

	DeadLetterStore(StringRedisTemplate redis, DeadLetterProperties properties, JsonMapper json, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @return 0 if this DLQ message was stored before, 1 for a new record, 2 for a
	 * message that failed again (attempts added)
	 */
	long store(Intake intake) {
		List<String> args = new ArrayList<>(List.of(prefix(), intake.id(), String.valueOf(this.clock.millis()),
				String.valueOf(this.properties.retention().maxAge().toMillis()), intake.marker(),
				String.valueOf(intake.attempts()), String.valueOf(intake.firstFailure().toEpochMilli()),
				String.valueOf(intake.lastFailure().toEpochMilli()), intake.tenant(), intake.fingerprint(),
				intake.reason(), String.valueOf(intake.refs().size())));
		args.addAll(intake.refs());
		pair(args, "kind", intake.kind());
		pair(args, "messageId", intake.messageId());
		pair(args, "correlationId", intake.correlationId());
		pair(args, "failureClass", intake.failureClass());
		pair(args, "detail", intake.detail());
		pair(args, "exception", intake.exception());
		pair(args, "exceptionMessage", intake.exceptionMessage());
		pair(args, "stacktrace", intake.stacktrace());
		pair(args, "origin", intake.origin());
		pair(args, "payload", Base64.getEncoder().encodeToString(intake.payload()));
		pair(args, "payloadSize", String.valueOf(intake.payloadSize()));
		pair(args, "truncated", intake.truncated() ? "1" : "0");
		pair(args, "headers", this.json.writeValueAsString(intake.headers()));
		pair(args, "properties", this.json.writeValueAsString(intake.properties()));
		pair(args, "headerReplays", String.valueOf(intake.headerReplays()));
		Long result = this.redis.execute(DeadLetterScripts.INGEST, route(intake.id()), args.toArray());
		return (result != null) ? result : 0;
	}

	/**
	 * @param id a dead-letter id
	 * @return the dead letter, if kept
	 */
	public Optional<DeadLetter> find(String id) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(key(id));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		Map<String, String> f = new java.util.HashMap<>();
		hash.forEach((k, v) -> f.put(k.toString(), v.toString()));
		return Optional
			.of(new DeadLetter(summary(f), f.getOrDefault("origin", ""), f.getOrDefault("exceptionMessage", ""),
					f.getOrDefault("stacktrace", ""), Base64.getDecoder().decode(f.getOrDefault("payload", "")),
					integer(f.get("payloadSize")), "1".equals(f.get("truncated")), readMap(f.get("headers")),
					readMap(f.get("properties")), f.getOrDefault("replayToken", ""),
					f.getOrDefault("replayOperation", ""), instantOrNull(f.get("replayStartedMs")),
					instantOrNull(f.get("replayedMs")), f.getOrDefault("archivedBy", ""),
					f.getOrDefault("archivedReason", ""), instantOrNull(f.get("archivedMs"))));
	}

	/**
	 * @param query the filter
	 * @return matching dead letters, newest failure first (at most {@code max-scan} are
	 * read)
	 */
	public List<DeadLetterSummary> find(DeadLetterQuery query) {
		List<String> candidates = candidates(query);
		List<DeadLetterSummary> matching = new ArrayList<>();
		for (DeadLetterSummary summary : summaries(candidates)) {
			if (query.matches(summary)) {
				matching.add(summary);
			}
		}
		matching.sort(Comparator.comparing(DeadLetterSummary::lastFailure).reversed());
		return matching;
	}

	/**
	 * @param ids dead-letter ids
	 * @return the summaries of those still kept, in the same order
	 */
	public List<DeadLetterSummary> summaries(List<String> ids) {
		List<DeadLetterSummary> summaries = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			List<Object> rows = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
				for (String id : chunk) {
					connection.hashCommands().hMGet(bytes(key(id)), fieldBytes());
				}
				return null;
			});
			for (Object row : rows) {
				Map<String, String> f = row(row);
				if (!f.getOrDefault("id", "").isEmpty()) {
					summaries.add(summary(f));
				}
			}
		}
		return summaries;
	}

	/**
	 * @return waiting dead letters by tenant, read at most every two seconds (the
	 * overview and tenants pages poll it)
	 */
	public Map<String, Long> waitingByTenant() {
		WaitingCounts counts = this.waiting;
		if (counts == null || counts.at() < this.clock.millis() - 2000) {
			Map<String, Long> byTenant = new java.util.TreeMap<>();
			for (DeadLetterSummary summary : find(DeadLetterQuery.WAITING)) {
				byTenant.merge(summary.tenant(), 1L, Long::sum);
			}
			counts = new WaitingCounts(byTenant, this.clock.millis());
			this.waiting = counts;
		}
		return counts.byTenant();
	}

	/**
	 * @return how many dead letters are kept in total (any status)
	 */
	public long size() {
		Long size = this.redis.opsForZSet().zCard(prefix() + "by-time");
		return (size != null) ? size : 0;
	}

	private List<String> candidates(DeadLetterQuery query) {
		if (!query.ref().isEmpty()) {
			Set<String> ids = new LinkedHashSet<>();
			Set<String> refs = this.redis.opsForSet().members(prefix() + "ref:" + query.ref().trim());
			if (refs != null) {
				ids.addAll(refs);
			}
			if (Boolean.TRUE.equals(this.redis.hasKey(key(query.ref().trim())))) {
				ids.add(query.ref().trim());
			}
			return new ArrayList<>(ids);
		}
		String index = !query.tenant().isEmpty() ? "tenant:" + query.tenant()
				: !query.fingerprint().isEmpty() ? "fingerprint:" + query.fingerprint()
						: !query.reason().isEmpty() ? "reason:" + query.reason() : "by-time";
		double min = (query.from() != null) ? query.from().toEpochMilli() : 0d;
		double max = (query.to() != null) ? query.to().toEpochMilli() : Double.POSITIVE_INFINITY;
		Set<String> ids = this.redis.opsForZSet()
			.reverseRangeByScore(prefix() + index, min, max, 0, this.properties.maxScan());
		return (ids != null) ? new ArrayList<>(ids) : List.of();
	}

	/**
	 * Claims a waiting dead letter for one replay.
	 * @param id dead letter
	 * @param token unique token of this replay
	 * @param operation bulk operation id, or empty
	 * @param by operator
	 * @return OK, or why not (REPLAYING, REPLAYED, ARCHIVED, MISSING, TRUNCATED)
	 */
	public String claim(String id, String token, String operation, String by) {
		return script(DeadLetterScripts.CLAIM, id, token, operation, by, String.valueOf(this.clock.millis()));
	}

	/**
	 * Marks a confirmed replay done.
	 * @param id dead letter
	 * @param token the claim's token
	 * @param operationKey the Redis key of the bulk operation to count it in, or empty
	 * @return REPLAYED, WAITING (it failed again meanwhile) or LOST (the token no longer
	 * holds)
	 */
	public String complete(String id, String token, String operationKey) {
		return script(DeadLetterScripts.COMPLETE, id, token, String.valueOf(this.clock.millis()),
				String.valueOf(this.properties.retention().resolvedAge().toMillis()),
				String.valueOf(this.properties.retention().maxAge().toMillis()), operationKey);
	}

	/**
	 * Gives a claim back after the broker refused the publish.
	 * @param id dead letter
	 * @param token the claim's token
	 * @param error why, shown on the page
	 * @return OK or LOST
	 */
	public String release(String id, String token, String error) {
		return script(DeadLetterScripts.RELEASE, id, token, error);
	}

	/**
	 * @param id dead letter stuck in REPLAYING
	 * @param oldToken the stalled claim's token
	 * @param newToken the recovery's token
	 * @return OK or LOST
	 */
	public String takeOver(String id, String oldToken, String newToken) {
		return script(DeadLetterScripts.TAKE_OVER, id, oldToken, newToken, String.valueOf(this.clock.millis()));
	}

	/**
	 * @param claimedBefore claim time bound
	 * @return ids of dead letters claimed for a replay before that time and still not
	 * done
	 */
	public List<String> replayingSince(Instant claimedBefore) {
		Set<String> ids = this.redis.opsForZSet()
			.rangeByScore(prefix() + "replaying", 0, claimedBefore.toEpochMilli(), 0, 500);
		return (ids != null) ? new ArrayList<>(ids) : List.of();
	}

	/**
	 * @return OK, or the status that prevented archiving
	 */
	public String archive(String id, String by, String reason) {
		return script(DeadLetterScripts.ARCHIVE, id, by, reason, String.valueOf(this.clock.millis()),
				String.valueOf(this.properties.retention().resolvedAge().toMillis()));
	}

	/**
	 * @return OK, or the status that prevented restoring
	 */
	public String restore(String id) {
		return script(DeadLetterScripts.RESTORE, id, String.valueOf(this.clock.millis()),
				String.valueOf(this.properties.retention().maxAge().toMillis()));
	}

	/**
	 * Drops dead letters past their expiry, then the oldest beyond the count limit; a
	 * letter being replayed is never dropped.
	 * @return how many were dropped
	 */
	int trim() {
		int dropped = 0;
		Set<String> expired = this.redis.opsForZSet()
			.rangeByScore(prefix() + "expiry", 0, this.clock.millis(), 0, 1000);
		for (String id : (expired != null) ? expired : Set.<String>of()) {
			dropped += delete(id);
		}
		long excess = size() - this.properties.retention().maxCount();
		if (excess > 0) {
			Set<String> oldest = this.redis.opsForZSet().range(prefix() + "by-time", 0, Math.min(excess, 1000) - 1);
			for (String id : (oldest != null) ? oldest : Set.<String>of()) {
				dropped += delete(id);
			}
		}
		return dropped;
	}

	private int delete(String id) {
		Long deleted = this.redis.execute(DeadLetterScripts.DELETE, route(id), prefix(), id, "0");
		return (deleted != null) ? deleted.intValue() : 0;
	}

	/**
	 * @return the Redis key prefix shared by every dead-letter and replay key (one hash
	 * tag)
	 */
	public String prefix() {
		return this.properties.keyPrefix();
	}

	private String key(String id) {
		return prefix() + "dl:" + id;
	}

	private String script(org.springframework.data.redis.core.script.RedisScript<String> script, String id,
			String... more) {
		List<Object> args = new ArrayList<>(List.of(prefix(), id));
		args.addAll(List.of(more));
		String result = this.redis.execute(script, route(id), args.toArray());
		return (result != null) ? result : "MISSING";
	}

	/**
	 * The one key a script call declares. The scripts build their keys from the prefix, which
	 * carries one hash tag; declaring the record's key sends the call to the Redis Cluster node
	 * that owns that slot (with no key, a cluster client sends it to any node).
	 */
	private List<String> route(String id) {
		return List.of(key(id));
	}

	private static DeadLetterSummary summary(Map<String, String> f) {
		return new DeadLetterSummary(f.getOrDefault("id", ""), DeadLetterStatus.parse(f.getOrDefault("status", "")),
				f.getOrDefault("kind", ""), f.getOrDefault("tenant", ""), f.getOrDefault("messageId", ""),
				f.getOrDefault("correlationId", ""), f.getOrDefault("reason", ""), f.getOrDefault("failureClass", ""),
				f.getOrDefault("exception", ""), f.getOrDefault("detail", ""), f.getOrDefault("fingerprint", ""),
				integer(f.get("attempts")), integer(f.get("replays")), instant(f.get("firstFailureMs")),
				instant(f.get("lastFailureMs")), instant(f.get("expiresMs")), f.getOrDefault("replayBy", ""),
				f.getOrDefault("lastReplayError", ""));
	}

	private static Map<String, String> row(Object row) {
		Map<String, String> fields = new java.util.HashMap<>();
		if (row instanceof List<?> values) {
			for (int i = 0; i < SUMMARY_FIELDS.length && i < values.size(); i++) {
				if (values.get(i) != null) {
					fields.put(SUMMARY_FIELDS[i], values.get(i).toString());
				}
			}
		}
		return fields;
	}

	private Map<String, Object> readMap(@Nullable String value) {
		return (value == null || value.isEmpty()) ? Map.of() : this.json.readValue(value, MAP);
	}

	private static byte[][] fieldBytes() {
		byte[][] fields = new byte[SUMMARY_FIELDS.length][];
		for (int i = 0; i < SUMMARY_FIELDS.length; i++) {
			fields[i] = bytes(SUMMARY_FIELDS[i]);
		}
		return fields;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static void pair(List<String> args, String field, String value) {
		args.add(field);
		args.add(value);
	}

	private static int integer(@Nullable String value) {
		try {
			return (value != null && !value.isEmpty()) ? (int) Double.parseDouble(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static Instant instant(@Nullable String millis) {
		Instant instant = instantOrNull(millis);
		return (instant != null) ? instant : Instant.EPOCH;
	}

	private static @Nullable Instant instantOrNull(@Nullable String millis) {
		if (millis == null || millis.isEmpty()) {
			return null;
		}
		try {
			return Instant.ofEpochMilli((long) Double.parseDouble(millis));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record WaitingCounts(Map<String, Long> byTenant, long at) {
	}

}
