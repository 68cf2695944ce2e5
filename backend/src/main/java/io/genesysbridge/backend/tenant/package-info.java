/**
 * Tenants: Genesys region, OAuth client, integrations, webhook secrets and limits, stored in Redis with
 * the secrets encrypted.
 */
@NullMarked
package io.genesysbridge.backend.tenant;

import org.jspecify.annotations.NullMarked;
