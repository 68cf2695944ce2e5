package io.genesysbridge.console.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log: a Redis stream with one entry per state-changing action,
 * each also written as one JSON line to the log category {@code genesys-bridge.audit} for
 * a SIEM. If Redis refuses the entry the JSON line is still written (at ERROR), so an
 * action is never unaudited.
 */
public class AuditLog {

	private static final Log auditLogger = LogFactory.getLog("genesys-bridge.audit");

	private static final int MAX_TARGETS = 50;

	private final StringRedisTemplate redis;

	private final AuditProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(StringRedisTemplate redis, AuditProperties properties, JsonMapper json, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Appends an entry.
	 * @param event the action
	 */
	public void record(AuditEvent event) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("at", this.clock.instant().toString());
		fields.put("actor", event.actor());
		fields.put("action", event.action());
		fields.put("targets",
				String.join(",", event.targets().subList(0, Math.min(MAX_TARGETS, event.targets().size()))));
		fields.put("count", String.valueOf(event.count()));
		fields.put("reason", event.reason());
		fields.put("result", event.result().name());
		fields.put("detail", event.detail());
		fields.put("operation", event.operation());
		fields.put("remote", remoteAddress());
		String line = this.json.writeValueAsString(fields);
		try {
			this.redis.opsForStream().add(StreamRecords.newRecord().in(this.properties.key()).ofMap(fields));
			auditLogger.info(line);
		}
		catch (DataAccessException ex) {
			auditLogger.error("NOT STORED in Redis (" + ex.getClass().getSimpleName() + "): " + line);
		}
	}

	/**
	 * @param filter which entries to show
	 * @param before show entries older than this stream id, or null for the newest
	 * @param size page size
	 * @return matching entries, newest first
	 */
	public List<AuditEntry> page(Predicate<AuditEntry> filter, @Nullable String before, int size) {
		List<AuditEntry> page = new ArrayList<>();
		String cursor = before;
		int scanned = 0;
		while (page.size() < size && scanned < this.properties.maxScan()) {
			Range<String> range = (cursor != null) ? Range.of(Range.Bound.unbounded(), Range.Bound.exclusive(cursor))
					: Range.unbounded();
			List<MapRecord<String, Object, Object>> batch = this.redis.opsForStream()
				.reverseRange(this.properties.key(), range, Limit.limit().count(500));
			if (batch == null || batch.isEmpty()) {
				break;
			}
			for (MapRecord<String, Object, Object> record : batch) {
				AuditEntry entry = toEntry(record);
				if (page.size() < size && filter.test(entry)) {
					page.add(entry);
				}
				cursor = record.getId().getValue();
			}
			scanned += batch.size();
		}
		return page;
	}

	/**
	 * Drops entries older than the retention; runs hourly.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void trim() {
		long oldest = this.clock.millis() - this.properties.retention().toMillis();
		try {
			this.redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> connection
				.execute("XTRIM", bytes(this.properties.key()), bytes("MINID"), bytes("~"), bytes(oldest + "-0")));
		}
		catch (DataAccessException ex) {
			auditLogger.warn("Could not trim the audit log: " + ex.getClass().getSimpleName());
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static AuditEntry toEntry(MapRecord<String, Object, Object> record) {
		Map<Object, Object> v = record.getValue();
		String targets = field(v, "targets");
		return new AuditEntry(record.getId().getValue(), Instant.parse(field(v, "at")), field(v, "actor"),
				field(v, "action"), targets.isEmpty() ? List.of() : Arrays.asList(targets.split(",")),
				Integer.parseInt(field(v, "count").isEmpty() ? "0" : field(v, "count")), field(v, "reason"),
				field(v, "result"), field(v, "detail"), field(v, "operation"), field(v, "remote"));
	}

	private static String field(Map<Object, Object> values, String name) {
		Object value = values.get(name);
		return (value != null) ? value.toString() : "";
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "";
	}

}
