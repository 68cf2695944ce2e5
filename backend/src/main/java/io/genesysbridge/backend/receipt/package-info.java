/**
 * WhatsApp delivery statuses from genesys-status-processed to Genesys as Delivered/Failed
 * receipts, never backwards, and the memory of agent messages they need.
 */
@NullMarked
package io.genesysbridge.backend.receipt;

import org.jspecify.annotations.NullMarked;
