package io.genesysbridge.console.replay;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.genesysbridge.console.deadletter.DeadLetter;
import io.genesysbridge.console.deadletter.DeadLetterStore;

/**
 * Replays one dead letter safely: claim it (WAITING → REPLAYING with a fresh token, a
 * compare-and-set, so only one of two racing clicks, operators or bulk runs gets it),
 * publish with a confirm, then mark it replayed (only with the same token). A refused
 * publish gives the claim back; a publish without an answer keeps the claim for the
 * recovery job.
 *
 * <p>
 * At-least-once edges: if the console dies after the broker confirmed but before the
 * record was marked, recovery publishes again; the processor's dedupe key
 * {@code genesys:dedupe:{tenant}:{message id}} (24 h) makes the second copy a no-op when
 * the first was delivered. A message delivered before it was dead-lettered (its
 * correlation event failed) carries {@code x-bridge-delivered}, so the processor
 * republishes only the event.
 *
 * <p>
 * Every replay is counted in {@value #REPLAYS} by outcome ({@code replayed},
 * {@code failed_again}, {@code refused}, {@code failed}, {@code uncertain}).
 */
class ReplayService {

	static final String REPLAYS = "genesysbridge.console.deadletters.replays";

	private static final Log logger = LogFactory.getLog(ReplayService.class);

	private final DeadLetterStore store;

	private final ReplayPublisher publisher;

	private final MeterRegistry meters;

	ReplayService(DeadLetterStore store, ReplayPublisher publisher, MeterRegistry meters) {
		this.store = store;
		this.publisher = publisher;
		this.meters = meters;
	}

	/**
	 * @param id dead letter
	 * @param by operator
	 * @param operation bulk operation id, or empty
	 * @param operationKey Redis key of the bulk operation to count the replay in, or
	 * empty
	 * @return how it ended
	 */
	ReplayOutcome replay(String id, String by, String operation, String operationKey) {
		String token = UUID.randomUUID().toString();
		String claim = this.store.claim(id, token, operation, by);
		if (!"OK".equals(claim)) {
			return counted(new ReplayOutcome(ReplayOutcome.Kind.REFUSED, refusal(claim)));
		}
		Optional<DeadLetter> deadLetter = this.store.find(id);
		if (deadLetter.isEmpty()) {
			return counted(new ReplayOutcome(ReplayOutcome.Kind.REFUSED, "the dead letter disappeared"));
		}
		return publishClaimed(deadLetter.get(), token, operationKey);
	}

	/**
	 * Publishes a dead letter this caller holds the claim of, and settles the claim.
	 * @param deadLetter the claimed letter
	 * @param token the claim's token
	 * @param operationKey Redis key of the bulk operation, or empty
	 * @return how it ended
	 */
	ReplayOutcome publishClaimed(DeadLetter deadLetter, String token, String operationKey) {
		return counted(settle(deadLetter, token, operationKey));
	}

	private ReplayOutcome counted(ReplayOutcome outcome) {
		Counter.builder(REPLAYS)
			.description("Dead-letter replays (single, bulk and recovered), by outcome")
			.tag("outcome", outcome.kind().name().toLowerCase(Locale.ROOT))
			.register(this.meters)
			.increment();
		return outcome;
	}

	private ReplayOutcome settle(DeadLetter deadLetter, String token, String operationKey) {
		ReplayPublisher.Published published = this.publisher.publish(deadLetter, token);
		switch (published.outcome()) {
			case CONFIRMED -> {
				String status = this.store.complete(deadLetter.id(), token, operationKey);
				if ("REPLAYED".equals(status)) {
					return new ReplayOutcome(ReplayOutcome.Kind.REPLAYED, "published to " + published.detail());
				}
				if ("WAITING".equals(status)) {
					return new ReplayOutcome(ReplayOutcome.Kind.FAILED_AGAIN,
							"published to " + published.detail() + ", and it already failed again");
				}
				logger.warn("Replay of " + deadLetter.id() + " was confirmed but its claim had been taken over");
				return new ReplayOutcome(ReplayOutcome.Kind.REPLAYED,
						"published to " + published.detail() + " (claim taken over meanwhile)");
			}
			case REFUSED -> {
				this.store.release(deadLetter.id(), token, published.detail());
				return new ReplayOutcome(ReplayOutcome.Kind.FAILED, published.detail());
			}
			default -> {
				return new ReplayOutcome(ReplayOutcome.Kind.UNCERTAIN, published.detail());
			}
		}
	}

	private static String refusal(String status) {
		return switch (status) {
			case "REPLAYING" -> "it is being replayed already";
			case "REPLAYED" -> "it was replayed already";
			case "ARCHIVED" -> "it is archived";
			case "TRUNCATED" -> "its payload was too large to keep whole, so it cannot be replayed";
			case "MISSING" -> "it is no longer kept";
			default -> "it is " + status.toLowerCase(Locale.ROOT);
		};
	}

}
