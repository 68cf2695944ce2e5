/**
 * The single place that decides transient versus permanent, and the binder retry built on it.
 */
@NullMarked
package io.genesysbridge.backend.resilience;

import org.jspecify.annotations.NullMarked;
