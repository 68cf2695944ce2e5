/**
 * Per-conversation order: a single-active sequencer stamps each message, a Redis gate releases them in order.
 */
@NullMarked
package io.genesysbridge.backend.ordering;

import org.jspecify.annotations.NullMarked;
