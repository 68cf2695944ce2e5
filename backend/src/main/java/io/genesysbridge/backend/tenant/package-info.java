/**
 * Tenants: Genesys region, OAuth client, integrations and limits, stored in Redis with the secret encrypted.
 */
@NullMarked
package io.genesysbridge.backend.tenant;

import org.jspecify.annotations.NullMarked;
