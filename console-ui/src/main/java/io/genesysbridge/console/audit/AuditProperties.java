package io.genesysbridge.console.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the audit log lives and how long it is kept.
 *
 * @param key the Redis stream holding every entry (append-only: the console never edits
 * or deletes an entry, it only trims those older than {@code retention})
 * @param retention how long entries are kept; Redis needs AOF persistence for the log to
 * survive a Redis restart
 * @param maxScan the most entries one page search reads before giving up on filling the
 * page
 */
@Validated
@ConfigurationProperties("console.audit")
public record AuditProperties(@DefaultValue("genesys-bridge:console:audit") String key,
		@DefaultValue("400d") Duration retention, @DefaultValue("20000") int maxScan) {
}
