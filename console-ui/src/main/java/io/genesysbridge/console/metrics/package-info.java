/**
 * Short in-memory history of the processor's Prometheus counters, for rates over the last
 * minutes.
 */
@NullMarked
package io.genesysbridge.console.metrics;

import org.jspecify.annotations.NullMarked;
