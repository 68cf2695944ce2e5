package io.genesysbridge.backend.receipt;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Remembers agent messages per Genesys message id in Redis
 * ({@code genesys-bridge:agent-message:{id}}, JSON, {@code app.receipts.message-ttl}): the
 * webhook writes, the receipt consumer reads. Without an entry, a status that does not name its
 * customer cannot be sent to Genesys and is dead-lettered.
 */
public class AgentMessageMemory {

	private final ReactiveStringRedisTemplate redis;

	private final JsonMapper json;

	private final ReceiptProperties properties;

	AgentMessageMemory(ReactiveStringRedisTemplate redis, JsonMapper json, ReceiptProperties properties) {
		this.redis = redis;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * @param message the agent message to remember (an earlier entry is replaced)
	 * @return completion; an error if Redis failed
	 */
	public Mono<Void> remember(AgentMessage message) {
		return this.redis.opsForValue()
			.set(key(message.genesysId()), this.json.writeValueAsString(message), this.properties.messageTtl())
			.then();
	}

	/**
	 * @param genesysId a Genesys message id
	 * @return the remembered message, or empty if unknown or expired
	 */
	public Mono<AgentMessage> recall(String genesysId) {
		return this.redis.opsForValue()
			.get(key(genesysId))
			.map((document) -> this.json.readValue(document, AgentMessage.class));
	}

	private String key(String genesysId) {
		return this.properties.messageKeyFormat().formatted(genesysId);
	}

}
