package io.genesysbridge.console.replay;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

import io.genesysbridge.console.audit.AuditEvent;
import io.genesysbridge.console.audit.AuditLog;
import io.genesysbridge.console.deadletter.DeadLetterStatus;
import io.genesysbridge.console.deadletter.DeadLetterStore;
import io.genesysbridge.console.deadletter.DeadLetterSummary;

/**
 * Runs confirmed bulk replays: one virtual thread per running operation, on whichever
 * console replica holds its lease (another replica takes over if this one dies). Each
 * step reads the operation afresh (so pause, cancel and rate changes apply before the
 * next message), holds back a tenant's messages while {@link HoldBack} says so (they go
 * to the end of the list), paces publishes to the chosen rate, and moves the cursor with
 * a compare-and-set. A step repeated after a crash finds its dead letter already replayed
 * by this operation and only moves on, so no message is published twice by one operation,
 * and the per-letter claim keeps any two operations (or an operation and a single replay)
 * apart.
 */
class BulkReplayRunner implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BulkReplayRunner.class);

	private final BulkReplays replays;

	private final DeadLetterStore store;

	private final ReplayService service;

	private final HoldBack holdBack;

	private final AuditLog audit;

	private final ReplayProperties properties;

	private final String owner = "console-" + UUID.randomUUID();

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private volatile boolean active;

	BulkReplayRunner(BulkReplays replays, DeadLetterStore store, ReplayService service, HoldBack holdBack,
			AuditLog audit, ReplayProperties properties) {
		this.replays = replays;
		this.store = store;
		this.service = service;
		this.holdBack = holdBack;
		this.audit = audit;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "PT1S")
	void adopt() {
		if (!this.active) {
			return;
		}
		try {
			for (BulkReplay replay : this.replays.recent(100)) {
				if ("RUNNING".equals(replay.status()) && !this.running.contains(replay.id())
						&& this.replays.lease(replay.id(), this.owner)) {
					this.running.add(replay.id());
					Thread.ofVirtual().name("bulk-replay-" + replay.id()).start(() -> run(replay.id()));
				}
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Could not look for bulk replays: " + ex.getClass().getSimpleName());
		}
	}

	private void run(String id) {
		try {
			new Step(id).loop();
		}
		catch (RuntimeException ex) {
			logger.warn("Bulk replay " + id + " stopped on this replica (" + ex.getClass().getSimpleName()
					+ "); it is resumed from its cursor", ex);
		}
		finally {
			this.replays.releaseLease(id, this.owner);
			this.running.remove(id);
		}
	}

	@Override
	public void start() {
		this.active = true;
	}

	@Override
	public void stop() {
		this.active = false;
	}

	@Override
	public boolean isRunning() {
		return this.active;
	}

	/**
	 * The loop of one operation.
	 */
	private final class Step {

		private final String id;

		private final String key;

		private long nextPublishNanos = System.nanoTime();

		private int consecutiveHeld;

		private int consecutiveFailures;

		Step(String id) {
			this.id = id;
			this.key = BulkReplayRunner.this.replays.key(id);
		}

		void loop() {
			BulkReplays replays = BulkReplayRunner.this.replays;
			while (BulkReplayRunner.this.active && replays.lease(this.id, BulkReplayRunner.this.owner)) {
				Optional<BulkReplay> current = replays.find(this.id);
				if (current.isEmpty() || !"RUNNING".equals(current.get().status())) {
					return;
				}
				int cursor = replays.cursor(this.id);
				if (cursor >= replays.length(this.id)) {
					finish(current.get());
					return;
				}
				String deadLetterId = replays.idAt(this.id, cursor);
				step(current.get(), cursor, deadLetterId);
			}
		}

		private void step(BulkReplay replay, int cursor, @Nullable String deadLetterId) {
			BulkReplays replays = BulkReplayRunner.this.replays;
			List<DeadLetterSummary> found = (deadLetterId != null)
					? BulkReplayRunner.this.store.summaries(List.of(deadLetterId)) : List.of();
			if (found.isEmpty() || found.getFirst().status() != DeadLetterStatus.WAITING) {
				boolean ours = !found.isEmpty() && this.id.equals(operationOf(deadLetterId));
				replays.advance(this.id, cursor, ours ? "" : "skipped", "");
				return;
			}
			DeadLetterSummary summary = found.getFirst();
			Optional<String> hold = BulkReplayRunner.this.holdBack.reason(summary.tenant());
			if (hold.isPresent()) {
				holdBack(replay, cursor, summary.id(), hold.get());
				return;
			}
			this.consecutiveHeld = 0;
			if (!replay.heldBack().isEmpty()) {
				replays.set(this.id, "heldBack", "");
			}
			pace(replay.rate());
			ReplayOutcome outcome = BulkReplayRunner.this.service.replay(summary.id(), replay.confirmedBy(), this.id,
					this.key);
			settle(replay, cursor, summary, outcome);
		}

		private void settle(BulkReplay replay, int cursor, DeadLetterSummary summary, ReplayOutcome outcome) {
			String counter = switch (outcome.kind()) {
				case REFUSED -> "skipped";
				case FAILED -> "failed";
				default -> "";
			};
			BulkReplayRunner.this.replays.advance(this.id, cursor, counter, "");
			if (outcome.kind() != ReplayOutcome.Kind.REFUSED) {
				BulkReplayRunner.this.audit.record(new AuditEvent(replay.confirmedBy(), "deadletter.replay",
						List.of(summary.id()), 1, replay.reason(),
						outcome.published() ? AuditEvent.Result.OK
								: (outcome.kind() == ReplayOutcome.Kind.UNCERTAIN) ? AuditEvent.Result.OK
										: AuditEvent.Result.FAILED,
						outcome.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + outcome.detail(), this.id));
			}
			if (outcome.kind() == ReplayOutcome.Kind.FAILED) {
				BulkReplayRunner.this.replays.set(this.id, "lastError", outcome.detail());
				if (++this.consecutiveFailures >= BulkReplayRunner.this.properties.failuresBeforePause()) {
					pauseItself(outcome.detail());
				}
			}
			else {
				this.consecutiveFailures = 0;
			}
		}

		private void holdBack(BulkReplay replay, int cursor, String deadLetterId, String reason) {
			BulkReplays replays = BulkReplayRunner.this.replays;
			replays.advance(this.id, cursor, "held", deadLetterId);
			if (!reason.equals(replay.heldBack())) {
				replays.set(this.id, "heldBack", reason);
			}
			long left = replays.length(this.id) - cursor - 1;
			if (++this.consecutiveHeld >= Math.max(1, left)) {
				this.consecutiveHeld = 0;
				sleep(BulkReplayRunner.this.properties.holdBackPoll());
			}
		}

		private void pauseItself(String error) {
			if (BulkReplayRunner.this.replays.transition(this.id, "RUNNING", "PAUSED", "lastError",
					"paused after " + this.consecutiveFailures + " refused publishes: " + error)) {
				BulkReplayRunner.this.audit.record(new AuditEvent("system", "replay.bulk.pause", List.of(this.id), 0,
						"", AuditEvent.Result.OK, "paused itself after refused publishes: " + error, this.id));
			}
		}

		private void finish(BulkReplay replay) {
			if (BulkReplayRunner.this.replays.finish(this.id, "RUNNING", "DONE")) {
				BulkReplay done = BulkReplayRunner.this.replays.find(this.id).orElse(replay);
				BulkReplayRunner.this.audit.record(new AuditEvent(replay.confirmedBy(), "replay.bulk.finish",
						List.of(this.id), done.total(), "", AuditEvent.Result.OK, "replayed " + done.done()
								+ ", skipped " + done.skipped() + ", failed " + done.failed() + " of " + done.total(),
						this.id));
			}
		}

		private @Nullable String operationOf(@Nullable String deadLetterId) {
			return (deadLetterId != null) ? BulkReplayRunner.this.store.find(deadLetterId)
				.map((deadLetter) -> deadLetter.replayOperation())
				.orElse(null) : null;
		}

		private void pace(int rate) {
			long interval = 1_000_000_000L / Math.max(1, rate);
			long now = System.nanoTime();
			this.nextPublishNanos = Math.max(this.nextPublishNanos + interval, now - interval);
			long wait = this.nextPublishNanos - now;
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}

		private void sleep(Duration duration) {
			LockSupport.parkNanos(duration.toNanos());
		}

	}

}
