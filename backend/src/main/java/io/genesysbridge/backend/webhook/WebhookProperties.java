package io.genesysbridge.backend.webhook;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Genesys webhook ({@code POST /webhook/genesys}). Genesys waits 10 s for an answer and
 * retries a timeout, 429 or 5xx up to 5 times, 5 s apart, with the same payload id.
 *
 * @param maxBodySize larger bodies are refused with 413 before they are read in full
 * @param publishTimeout how long a request waits for RabbitMQ's publisher confirm before it
 * answers 503 (Genesys then retries); well under Genesys's 10 s
 * @param requestTimeout upper bound of the whole request (tenant lookup, Redis, publish); past it
 * the answer is 503
 * @param inFlightWait a copy of a payload whose first copy is still being published waits up to
 * this long for that outcome, then answers 503
 * @param dedupeKeyFormat Redis key of a payload's publish record, {@code %1$s} the integration
 * id and {@code %2$s} the payload id
 * @param dedupeTtl how long a published payload id is remembered; Genesys's retries end within
 * 85 s, so at least one hour
 * @param dedupeLease lifetime of an in-flight claim whose holder died before it settled; a late
 * confirm settles the claim within this time
 * @param publishThreads threads that hand messages to RabbitMQ (the confirm itself is awaited
 * without a thread)
 * @param publishQueueCapacity publishes waiting for a thread; beyond it a request answers 503
 * @param ledgerTtl how long an undrained ledger entry is kept (it is normally drained within
 * {@code ledgerDrainInterval}); longer than Genesys's retries
 * @param ledgerDrainInterval how often a replica drains the publish ledger
 * @param ledgerSettleDelay how long after a lost confirm the ledger is trusted to hold the message
 * if the broker took it (frames still in flight when the connection died)
 * @param ledgerLockKey Redis key of the lock that lets one replica at a time drain the ledger
 */
@Validated
@ConfigurationProperties("app.webhook")
public record WebhookProperties(@DefaultValue("256KB") DataSize maxBodySize,
		@DefaultValue("3s") @DurationMax(seconds = 9) Duration publishTimeout,
		@DefaultValue("8s") @DurationMax(seconds = 9) Duration requestTimeout,
		@DefaultValue("2s") Duration inFlightWait,
		@DefaultValue("genesys-bridge:webhook:%1$s:%2$s") String dedupeKeyFormat,
		@DefaultValue("24h") @DurationMin(hours = 1) Duration dedupeTtl,
		@DefaultValue("30s") Duration dedupeLease, @DefaultValue("8") @Min(1) int publishThreads,
		@DefaultValue("2000") @Min(1) int publishQueueCapacity,
		@DefaultValue("1h") @DurationMin(minutes = 5) Duration ledgerTtl,
		@DefaultValue("2s") @DurationMin(millis = 100) Duration ledgerDrainInterval,
		@DefaultValue("1s") Duration ledgerSettleDelay,
		@DefaultValue("genesys-bridge:webhook:ledger-lock") String ledgerLockKey) {
}
