/**
 * Per-tenant and per-OAuth-client Genesys request budgets (GCRA in Redis, shared by all replicas).
 */
@NullMarked
package io.genesysbridge.backend.ratelimit;

import org.jspecify.annotations.NullMarked;
