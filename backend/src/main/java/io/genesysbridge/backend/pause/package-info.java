/**
 * Tenant pause flags in Redis, cached briefly, honoured by every replica.
 */
@NullMarked
package io.genesysbridge.backend.pause;

import org.jspecify.annotations.NullMarked;
