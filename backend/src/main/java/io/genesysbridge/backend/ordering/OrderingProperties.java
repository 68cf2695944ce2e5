package io.genesysbridge.backend.ordering;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-conversation order (tenant + customer).
 *
 * @param enabled when false no sequencer runs: point the inbound binding straight at the
 * contract queue ({@code app.queues.work=genesys.outbound.ready}) and order is not kept
 * @param keyPrefix Redis prefix; a conversation's keys are {@code <prefix>{<hash>}:seq},
 * {@code :ids} and {@code :next}, the hash being SHA-256 of tenant and customer id (no phone
 * numbers in Redis keys)
 * @param keyTtl idle conversations' counters expire after this
 * @param localWait how long a message waits in place for its predecessor before it is deferred
 * @param pollInterval how often it looks during that wait
 * @param deferDelay the delay of a message deferred while its predecessor is pending
 * @param gapTimeout a message waiting longer than this for a predecessor that never comes (a
 * lost counter) goes ahead, and the gap is counted and logged
 * @param prefetch messages the sequencer takes from the contract queue at once
 * @param batchSize messages sequenced and confirmed together
 * @param batchWait how long the sequencer waits to fill a batch (bounds the latency it adds)
 * @param confirmTimeout bound on the work queue's publisher confirms
 */
@Validated
@ConfigurationProperties("app.ordering")
public record OrderingProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("genesys-bridge:order:") String keyPrefix, @DefaultValue("7d") Duration keyTtl,
		@DefaultValue("300ms") Duration localWait, @DefaultValue("20ms") Duration pollInterval,
		@DefaultValue("1s") Duration deferDelay, @DefaultValue("10m") Duration gapTimeout,
		@DefaultValue("500") @Min(1) int prefetch, @DefaultValue("100") @Min(1) int batchSize,
		@DefaultValue("2ms") Duration batchWait, @DefaultValue("5s") Duration confirmTimeout) {
}
