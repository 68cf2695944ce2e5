/**
 * Root of the genesys-bridge processor.
 */
@NullMarked
package io.genesysbridge.backend;

import org.jspecify.annotations.NullMarked;
