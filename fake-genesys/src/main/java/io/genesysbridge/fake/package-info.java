/**
 * A WireMock-based fake of Genesys Cloud (OAuth client credentials, Open Messaging
 * inbound endpoints, message conversations, agentless messages, organization and users)
 * for the backend's tests and for the demo.
 *
 * <p>
 * Entry points are {@link io.genesysbridge.fake.FakeGenesys} (library use) and
 * {@link io.genesysbridge.fake.FakeGenesysMain} (standalone server), with the public
 * records and {@link io.genesysbridge.fake.FakeConversations} they hand out. Everything
 * else is package-private, so the fake's internals can change without breaking its users.
 */
package io.genesysbridge.fake;
