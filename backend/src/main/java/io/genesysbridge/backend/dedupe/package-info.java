/**
 * Atomic idempotency claims so that each WhatsApp message reaches Genesys once.
 */
@NullMarked
package io.genesysbridge.backend.dedupe;

import org.jspecify.annotations.NullMarked;
