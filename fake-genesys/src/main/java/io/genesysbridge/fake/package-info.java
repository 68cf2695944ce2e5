/**
 * A WireMock-based fake of Genesys Cloud (OAuth client credentials and Open Messaging
 * inbound endpoints) for the backend's tests and for the demo.
 *
 * <p>
 * Entry points are {@link io.genesysbridge.fake.FakeGenesys} (library use) and
 * {@link io.genesysbridge.fake.FakeGenesysMain} (standalone server). Everything else is
 * package-private, so the fake's internals can change without breaking its users.
 */
package io.genesysbridge.fake;
