/**
 * Circuit breakers of the Genesys orgs as the processor mirrors them to Redis; forced
 * states.
 */
@NullMarked
package io.genesysbridge.console.circuit;

import org.jspecify.annotations.NullMarked;
