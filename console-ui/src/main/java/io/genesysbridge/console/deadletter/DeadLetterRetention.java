package io.genesysbridge.console.deadletter;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies retention: drops dead letters past their expiry and the oldest beyond the count
 * limit. Every console replica may run it; the delete scripts are idempotent.
 */
final class DeadLetterRetention {

	private static final Log logger = LogFactory.getLog(DeadLetterRetention.class);

	private final DeadLetterStore store;

	DeadLetterRetention(DeadLetterStore store) {
		this.store = store;
	}

	@Scheduled(fixedDelayString = "${console.dead-letters.retention.interval:30s}", initialDelayString = "PT5S")
	void trim() {
		try {
			int dropped = this.store.trim();
			if (dropped > 0) {
				logger.info("Retention dropped " + dropped + " dead letters");
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Dead-letter retention skipped: " + ex.getClass().getSimpleName());
		}
	}

}
