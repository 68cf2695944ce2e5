/**
 * Tenants: rate limits and live usage, pause and resume.
 */
@NullMarked
package io.genesysbridge.console.tenant;

import org.jspecify.annotations.NullMarked;
