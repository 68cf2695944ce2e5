/**
 * Safe replay of dead letters: per-letter state machine, publisher confirms, bulk
 * operations, crash recovery.
 */
@NullMarked
package io.genesysbridge.console.replay;

import org.jspecify.annotations.NullMarked;
