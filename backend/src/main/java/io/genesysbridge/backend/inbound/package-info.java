/**
 * Customer messages from genesys.outbound.ready to Genesys and correlation events back.
 */
@NullMarked
package io.genesysbridge.backend.inbound;

import org.jspecify.annotations.NullMarked;
