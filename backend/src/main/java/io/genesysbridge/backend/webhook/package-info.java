/**
 * The signed Genesys outbound webhook: agent messages to outbound-genesys-messages and Genesys-side
 * statuses to genesys-status-updates, answered only after RabbitMQ confirmed them.
 */
@NullMarked
package io.genesysbridge.backend.webhook;

import org.jspecify.annotations.NullMarked;
