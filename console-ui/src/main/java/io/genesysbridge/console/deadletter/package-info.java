/**
 * Dead letters kept in Redis (persist, then acknowledge), their pages, filters, groups
 * and masking.
 */
@NullMarked
package io.genesysbridge.console.deadletter;

import org.jspecify.annotations.NullMarked;
