/**
 * The REST API under {@code /api/v1}: per-tenant Genesys operations for the platform's
 * services, their API-key authentication, the error format and the OpenAPI description.
 */
@NullMarked
package io.genesysbridge.backend.api;

import org.jspecify.annotations.NullMarked;
