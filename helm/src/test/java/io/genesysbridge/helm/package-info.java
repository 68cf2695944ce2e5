/**
 * Tests of the genesys-bridge Helm chart and the deploy/ files (compose, images,
 * monitoring).
 */
@NullMarked
package io.genesysbridge.helm;

import org.jspecify.annotations.NullMarked;
