package io.genesysbridge.backend.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Published to {@code correlation-events} after Genesys accepted a customer message (contract
 * §3), so the state manager can tie the WhatsApp and Genesys ids together.
 *
 * @param tenantId tenant id
 * @param conversationId Genesys conversation id
 * @param communicationId always null here (kept for the contract)
 * @param genesysMessageId the id Genesys returned
 * @param whatsappMessageId the WhatsApp message id
 * @param status always {@code created}
 * @param timestamp when delivery was confirmed, ISO-8601
 * @param correlationId the platform correlation id, also set as the AMQP {@code correlation_id}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CorrelationEvent(String tenantId, @Nullable String conversationId, @Nullable String communicationId,
		@Nullable String genesysMessageId, @JsonProperty("whatsapp_message_id") String whatsappMessageId,
		String status, String timestamp, String correlationId) {
}
