/**
 * Cross-cutting wiring only: clock, RabbitMQ producer confirms; no business logic.
 */
@NullMarked
package io.genesysbridge.backend.system;

import org.jspecify.annotations.NullMarked;
