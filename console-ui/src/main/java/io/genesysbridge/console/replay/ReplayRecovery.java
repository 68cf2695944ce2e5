package io.genesysbridge.console.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetter;
import io.genesysbridge.console.deadletter.DeadLetterStore;

/**
 * Finishes or reports replays that were interrupted (a console crash between claim and
 * mark, or a publish that got no confirm): a dead letter left REPLAYING longer than
 * {@code stale-after} is taken over with a new token (a compare-and-set, so one console
 * replica does it) and published again; a confirm marks it replayed and counts it in its
 * bulk operation. If the claim is older than {@code republish-within}, the processor's
 * dedupe key may have expired, so the letter is not published again: it is released to
 * WAITING with a warning and the event is audited. Nothing is silently lost.
 */
class ReplayRecovery {

	private static final Log logger = LogFactory.getLog(ReplayRecovery.class);

	private final DeadLetterStore store;

	private final ReplayService service;

	private final BulkReplays replays;

	private final AuditLog audit;

	private final ReplayProperties properties;

	private final Clock clock;

	ReplayRecovery(DeadLetterStore store, ReplayService service, BulkReplays replays, AuditLog audit,
			ReplayProperties properties, Clock clock) {
		this.store = store;
		this.service = service;
		this.replays = replays;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${console.replay.recovery-interval:15s}", initialDelayString = "PT10S")
	void recover() {
		try {
			Instant now = this.clock.instant();
			for (String id : this.store.replayingSince(now.minus(this.properties.staleAfter()))) {
				this.store.find(id).ifPresent((deadLetter) -> recover(deadLetter, now));
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Replay recovery skipped: " + ex.getClass().getSimpleName());
		}
	}

	void recover(DeadLetter deadLetter, Instant now) {
		Instant claimed = Optional.ofNullable(deadLetter.replayStarted()).orElse(now);
		String operation = deadLetter.replayOperation();
		String by = deadLetter.summary().replayBy();
		if (Duration.between(claimed, now).compareTo(this.properties.republishWithin()) > 0) {
			String warning = "replay interrupted at " + claimed + "; outcome unknown and too old to publish again "
					+ "safely: check Genesys before replaying";
			if ("OK".equals(this.store.release(deadLetter.id(), deadLetter.replayToken(), warning))) {
				report(deadLetter.id(), by, operation, AuditEvent.Result.FAILED, warning);
			}
			return;
		}
		String token = UUID.randomUUID().toString();
		if (!"OK".equals(this.store.takeOver(deadLetter.id(), deadLetter.replayToken(), token))) {
			return;
		}
		String key = operation.isEmpty() ? "" : this.replays.key(operation);
		ReplayOutcome outcome = this.service.publishClaimed(deadLetter, token, key);
		logger.warn("Recovered interrupted replay of dead letter " + deadLetter.id() + ": " + outcome.kind() + " ("
				+ outcome.detail() + ")");
		report(deadLetter.id(), by, operation,
				(outcome.kind() == ReplayOutcome.Kind.FAILED) ? AuditEvent.Result.FAILED : AuditEvent.Result.OK,
				"interrupted replay finished by recovery: " + outcome.kind().name().toLowerCase(java.util.Locale.ROOT)
						+ ": " + outcome.detail());
	}

	private void report(String id, String by, String operation, AuditEvent.Result result, String detail) {
		this.audit.record(new AuditEvent("system", "deadletter.replay.recover", List.of(id), 1,
				by.isEmpty() ? "" : "claimed by " + by, result, detail, operation));
	}

}
