/**
 * Customer typing indicators from genesys-typing-events to Genesys as inbound Typing events.
 */
@NullMarked
package io.genesysbridge.backend.typing;

import org.jspecify.annotations.NullMarked;
