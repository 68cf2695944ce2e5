package io.genesysbridge.console.deadletter;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where dead letters come from, where they are kept and for how long.
 *
 * @param queue the processor's dead-letter queue; the console is its only consumer and
 * acknowledges a message only after it is stored in Redis
 * @param inputQueue where dead letters of the inbound path are replayed: the processor's
 * input queue (default exchange, routing key = queue name)
 * @param otherInputs input queues whose dead letters are replayed to the same queue
 * (receipts, typing); every other dead letter came from the inbound path
 * @param keyPrefix Redis prefix of every dead-letter key; all keys share one hash tag so
 * the console's Lua scripts also run on Redis Cluster
 * @param retention how long and how many dead letters are kept
 * @param maxPayload larger bodies are stored truncated (and cannot be replayed)
 * @param ingest the DLQ consumer
 * @param maxScan the most records a list or group query reads
 */
@Validated
@ConfigurationProperties("console.dead-letters")
public record DeadLetterProperties(@DefaultValue("genesys-api.dlq") @NotBlank String queue,
		@DefaultValue("genesys.outbound.ready") @NotBlank String inputQueue, @DefaultValue( {
				"genesys-status-processed", "genesys-typing-events" }) List<String> otherInputs,
		@DefaultValue("genesys-bridge:console:{deadletters}:") @NotBlank String keyPrefix,
		@DefaultValue @Valid Retention retention, @DefaultValue("1MB") DataSize maxPayload,
		@DefaultValue @Valid Ingest ingest, @DefaultValue("50000") @Min(100) int maxScan){

	/**
	 * Retention by age and by count. A waiting dead letter expires {@code maxAge} after
	 * its last failure; a replayed or archived one {@code resolvedAge} after it was
	 * resolved. When more than {@code maxCount} are kept, the oldest go first. The expiry
	 * of each is shown.
	 *
	 * @param maxAge age of a waiting dead letter at which it is dropped
	 * @param resolvedAge how long a replayed or archived dead letter stays visible
	 * @param maxCount the most dead letters kept
	 * @param interval how often expired ones are dropped
	 */
	public record Retention(@DefaultValue("14d") Duration maxAge, @DefaultValue("7d") Duration resolvedAge,
			@DefaultValue("10000") @Min(1) int maxCount, @DefaultValue("30s") Duration interval) {
	}

	/**
	 * The DLQ consumer.
	 *
	 * @param enabled consume the DLQ (turn off for a read-only console replica)
	 * @param prefetch unacknowledged dead letters in flight
	 * @param retryDelay pause before a dead letter that could not be stored is tried
	 * again
	 */
	public record Ingest(@DefaultValue("true") boolean enabled, @DefaultValue("20") @Min(1) @Max(1000) int prefetch,
			@DefaultValue("1s") Duration retryDelay) {
	}

}
