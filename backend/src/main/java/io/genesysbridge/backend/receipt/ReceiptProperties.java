package io.genesysbridge.backend.receipt;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Receipts for agent messages. Queue name and retry live in the binder configuration
 * ({@code receipts-in-0}).
 *
 * @param attemptTimeout upper bound of one attempt (tenant lookup, Redis, Genesys call); past it
 * the attempt fails as transient and binder retry takes over
 * @param messageKeyFormat Redis key of an agent message's memory, {@code %s} the Genesys
 * message id; written by the webhook, read here
 * @param messageTtl how long an agent message is remembered; a status arriving later can only be
 * forwarded if it names {@code to_id} itself (the contract asks for at least 7 days)
 * @param statusKeyFormat Redis key of the highest status recorded for a message, {@code %s} the
 * Genesys message id; its lock is the same key with {@code :lock}
 * @param statusTtl how long that status is kept; an older message's statuses start afresh
 * @param statusLease lifetime of the per-message lock while a receipt is being sent; must exceed
 * {@code attemptTimeout}
 * @param reasonMaxLength the failure reason text sent to Genesys is cut to this many characters
 */
@Validated
@ConfigurationProperties("app.receipts")
public record ReceiptProperties(@DefaultValue("30s") Duration attemptTimeout,
		@DefaultValue("genesys-bridge:agent-message:%s") String messageKeyFormat,
		@DefaultValue("7d") Duration messageTtl,
		@DefaultValue("genesys-bridge:receipt-status:%s") String statusKeyFormat,
		@DefaultValue("7d") Duration statusTtl, @DefaultValue("45s") Duration statusLease,
		@DefaultValue("256") @Min(16) int reasonMaxLength) {
}
