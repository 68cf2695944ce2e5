package io.genesysbridge.console.replay;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How replays publish, pace themselves and recover.
 *
 * @param confirmTimeout how long a publish waits for the broker's confirm; without one
 * the dead letter stays claimed and the recovery job finishes it
 * @param staleAfter a claim older than this is considered interrupted (console crash) and
 * taken over by the recovery job
 * @param republishWithin an interrupted replay younger than this is published again (the
 * processor's 24 h dedupe key drops the copy if the first one was delivered); an older
 * one is released with a warning instead, since the dedupe key may be gone
 * @param recoveryInterval how often interrupted replays are looked for
 * @param defaultRate default bulk rate, messages per second
 * @param maxRate highest bulk rate an operator may choose
 * @param maxBulk most dead letters in one bulk replay
 * @param prepareTtl how long a prepared (frozen, not yet confirmed) bulk replay waits for
 * its confirmation
 * @param holdBelowPermits a bulk replay holds back a tenant's messages while fewer
 * rate-limit permits than this are left
 * @param holdBackPoll how long a bulk replay whose remaining messages are all held back
 * waits before looking again
 * @param failuresBeforePause consecutive refused publishes after which a bulk replay
 * pauses itself
 * @param lease how long a console replica owns a running bulk replay without renewing;
 * another replica takes over after it
 * @param keepFinished how long finished bulk replays stay listed
 */
@Validated
@ConfigurationProperties("console.replay")
public record ReplayProperties(@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("60s") Duration staleAfter,
		@DefaultValue("12h") Duration republishWithin, @DefaultValue("15s") Duration recoveryInterval,
		@DefaultValue("20") @Min(1) int defaultRate, @DefaultValue("200") @Min(1) @Max(1000) int maxRate,
		@DefaultValue("100000") @Min(1) int maxBulk, @DefaultValue("15m") Duration prepareTtl,
		@DefaultValue("1") @Min(0) int holdBelowPermits, @DefaultValue("1s") Duration holdBackPoll,
		@DefaultValue("5") @Min(1) int failuresBeforePause, @DefaultValue("15s") Duration lease,
		@DefaultValue("7d") Duration keepFinished) {
}
