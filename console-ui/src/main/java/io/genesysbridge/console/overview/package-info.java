/**
 * The overview page and its live JSON.
 */
@NullMarked
package io.genesysbridge.console.overview;

import org.jspecify.annotations.NullMarked;
