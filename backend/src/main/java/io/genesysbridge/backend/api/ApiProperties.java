package io.genesysbridge.backend.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The REST API: who may call it and how much one listing may cost.
 *
 * @param keys API keys of the calling services, stored as SHA-256 hashes; no key is built
 * in, so without keys (and without keys in Redis) every API call is refused
 * @param redisKeys whether keys are also looked up in Redis, at
 * {@code <redisKeyPrefix><sha256>}, so an operator (later the console) can add and revoke
 * keys without a restart
 * @param redisKeyPrefix Redis key prefix of stored keys; the value is the caller's name, or
 * JSON {@code {"name":"…","tenants":["…"]}}
 * @param keyCacheTtl how long a Redis lookup (found or not) is remembered; a revoked key
 * stops working after at most this long
 * @param maxConversationMessages most messages one conversation listing fetches; each costs
 * one Genesys call against the tenant's rate limit
 */
@Validated
@ConfigurationProperties("app.api")
public record ApiProperties(@DefaultValue List<@Valid Key> keys, @DefaultValue("true") boolean redisKeys,
		@DefaultValue("genesys-bridge:apikey:") String redisKeyPrefix, @DefaultValue("5s") Duration keyCacheTtl,
		@DefaultValue("50") @Min(1) @Max(500) int maxConversationMessages) {

	/**
	 * One calling service's key.
	 *
	 * @param name the calling service, shown in logs (never the key)
	 * @param sha256 hex SHA-256 of the key, e.g. from
	 * {@code printf %s "$KEY" | sha256sum}
	 * @param tenants the tenants the key may act for; empty means every tenant
	 */
	public record Key(@NotBlank String name, @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256,
			@DefaultValue List<String> tenants) {
	}

}
