/**
 * Delay routes: messages that must wait go to a TTL queue that dead-letters them back to the work queue.
 */
@NullMarked
package io.genesysbridge.backend.deferral;

import org.jspecify.annotations.NullMarked;
