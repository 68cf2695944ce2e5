package io.genesysbridge.backend.inbound;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.messaging.Message;

import io.genesysbridge.backend.deferral.DeferralHeaders;

/**
 * What the inbound function reads of a raw work-queue message outside validation: the tenant
 * it names (to tag a deferral, which may come before validation) and when it was sent (for its
 * age). Lenient: an unreadable body names neither.
 */
final class RawEnvelope {

	/** Set by the console on a replayed dead letter. */
	static final String REPLAY_ID_HEADER = "x-bridge-replay-id";

	private final JsonMapper json;

	RawEnvelope(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @return {@code metadata.tenantId}, or null
	 */
	@Nullable String tenantId(Message<byte[]> message) {
		JsonNode tenant = metadata(message).get("tenantId");
		return (tenant != null && tenant.isString()) ? tenant.asString() : null;
	}

	/**
	 * @return the AMQP {@code timestamp} property when present, else the envelope's
	 * {@code metadata.timestamp} (ISO-8601), else null
	 */
	@Nullable Instant sentAt(Message<byte[]> message) {
		Instant amqp = amqpTimestamp(message);
		return (amqp != null) ? amqp : envelopeTimestamp(message);
	}

	/**
	 * @return whether the processor sees the message for the first time: not a binder retry, a
	 * deferred copy, a broker redelivery or a console replay, whose age would count it again or
	 * report an intentional delay as lag
	 */
	static boolean isFirstArrival(Message<?> message) {
		var attempt = StaticMessageHeaderAccessor.getDeliveryAttempt(message);
		return (attempt == null || attempt.get() <= 1) && !message.getHeaders().containsKey(DeferralHeaders.COUNT)
				&& !message.getHeaders().containsKey(REPLAY_ID_HEADER)
				&& !Boolean.TRUE.equals(message.getHeaders().get(AmqpHeaders.REDELIVERED, Boolean.class));
	}

	private static @Nullable Instant amqpTimestamp(Message<byte[]> message) {
		if (StaticMessageHeaderAccessor.getSourceData(message) instanceof org.springframework.amqp.core.Message amqp
				&& amqp.getMessageProperties().getTimestamp() != null) {
			return amqp.getMessageProperties().getTimestamp().toInstant();
		}
		return (message.getHeaders().get(AmqpHeaders.TIMESTAMP) instanceof Date date) ? date.toInstant() : null;
	}

	private @Nullable Instant envelopeTimestamp(Message<byte[]> message) {
		JsonNode timestamp = metadata(message).get("timestamp");
		if (timestamp == null) {
			return null;
		}
		if (timestamp.isIntegralNumber()) {
			return Instant.ofEpochMilli(timestamp.asLong());
		}
		try {
			return timestamp.isString() ? Instant.parse(timestamp.asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Reads only the {@code metadata} object, streaming: every other top-level field is skipped
	 * without building a tree, and reading stops once {@code metadata} was read (the contract puts
	 * it first), so the age of each message does not cost a second parse of its whole body.
	 */
	private JsonNode metadata(Message<byte[]> message) {
		try (JsonParser parser = this.json.createParser(message.getPayload())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return MissingNode.getInstance();
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if ("metadata".equals(name)) {
					JsonNode metadata = parser.readValueAsTree();
					return (metadata != null) ? metadata : MissingNode.getInstance();
				}
				parser.skipChildren();
			}
			return MissingNode.getInstance();
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

}
