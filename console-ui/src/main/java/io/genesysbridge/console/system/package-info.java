/**
 * Cross-cutting wiring only: clock, error page.
 */
@NullMarked
package io.genesysbridge.console.system;

import org.jspecify.annotations.NullMarked;
