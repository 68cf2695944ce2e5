/**
 * One circuit breaker per Genesys org (tenant), its state mirrored to Redis and forced states applied from Redis.
 */
@NullMarked
package io.genesysbridge.backend.circuit;

import org.jspecify.annotations.NullMarked;
