/**
 * The operator console application.
 */
@NullMarked
package io.genesysbridge.console;

import org.jspecify.annotations.NullMarked;
