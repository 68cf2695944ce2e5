package io.genesysbridge.backend.typing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A customer typing event from {@code genesys-typing-events}, parsed.
 *
 * @param tenantId the tenant
 * @param customerId the customer ({@code from.id}, the WhatsApp number)
 * @param idType {@code Phone}, {@code Email} or {@code Opaque}
 * @param integrationId the integration, or null for the tenant's default one
 * @param time when the customer started typing
 */
record TypingEvent(String tenantId, String customerId, String idType, @Nullable String integrationId, Instant time) {
}
