/**
 * The append-only audit log of every state-changing action, and its page.
 */
@NullMarked
package io.genesysbridge.console.audit;

import org.jspecify.annotations.NullMarked;
