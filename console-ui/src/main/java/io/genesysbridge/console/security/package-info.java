/**
 * Sign-in, users and roles, CSRF and browser hardening, throttled logins.
 */
@NullMarked
package io.genesysbridge.console.security;

import org.jspecify.annotations.NullMarked;
