package io.genesysbridge.backend.genesys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the processor talks to Genesys Cloud.
 *
 * @param connectTimeout TCP connect timeout of every Genesys call
 * @param readTimeout time allowed for a response once the request is sent; a slower answer is a
 * transient failure and the message is retried
 * @param token OAuth token cache settings
 */
@Validated
@ConfigurationProperties("app.genesys")
public record GenesysProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue Token token) {

	/**
	 * OAuth client-credentials token handling.
	 *
	 * @param refreshMargin a token is replaced this long before it expires (Genesys SDKs use 60 s)
	 * @param lockTtl how long one replica may hold the per-tenant fetch lock; if it dies, another
	 * replica fetches after this
	 * @param peerWait how long a replica waits for another replica's fetch before fetching itself
	 * @param keyFormat Redis key of the cached token, {@code %s} being the tenant id (the platform's
	 * {@code tenant:{tenantId}:oauth:token})
	 */
	public record Token(@DefaultValue("60s") Duration refreshMargin, @DefaultValue("15s") Duration lockTtl,
			@DefaultValue("10s") Duration peerWait, @DefaultValue("tenant:%s:oauth:token") String keyFormat) {
	}

}
