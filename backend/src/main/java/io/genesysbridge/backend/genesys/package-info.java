/**
 * The Genesys Cloud REST client: OAuth client credentials, Open Messaging calls, error mapping.
 */
@NullMarked
package io.genesysbridge.backend.genesys;

import org.jspecify.annotations.NullMarked;
