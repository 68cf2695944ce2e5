package io.genesysbridge.backend.genesys;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.genesysbridge.backend.tenant.Tenant;

/**
 * Hands out OAuth tokens per tenant: from memory, else from Redis ({@code tenant:{id}:oauth:token},
 * shared by all replicas), else fetched from Genesys, at most one fetch at a time per tenant
 * across threads (a shared in-flight Mono) and across replicas (a Redis lock; the others wait
 * for the token to appear). Tokens are replaced {@code refreshMargin} before expiry.
 *
 * <p>
 * If Redis is unreachable the provider still fetches from Genesys (each replica then fetches
 * for itself) and counts it; delivery does not stop for a cache outage.
 */
class GenesysTokenProvider {

	private static final Log logger = LogFactory.getLog(GenesysTokenProvider.class);

	private static final Duration PEER_POLL = Duration.ofMillis(100);

	private static final RedisScript<List> GET_WITH_TTL = RedisScript
		.of("return {redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1])}", List.class);

	private static final RedisScript<Long> DELETE_IF_EQUAL = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
				Long.class);

	private final OAuthClient oauth;

	private final ReactiveStringRedisTemplate redis;

	private final GenesysProperties.Token properties;

	private final Clock clock;

	private final GenesysMetrics metrics;

	private final Map<String, AccessToken> memory = new ConcurrentHashMap<>();

	private final Map<String, Mono<AccessToken>> inFlight = new ConcurrentHashMap<>();

	private final String owner = UUID.randomUUID().toString();

	GenesysTokenProvider(OAuthClient oauth, ReactiveStringRedisTemplate redis, GenesysProperties.Token properties,
			Clock clock, GenesysMetrics metrics) {
		this.oauth = oauth;
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
		this.metrics = metrics;
	}

	Mono<AccessToken> token(Tenant tenant) {
		return Mono.defer(() -> {
			AccessToken cached = this.memory.get(tenant.id());
			if (cached != null && cached.isFreshAt(this.clock.instant(), this.properties.refreshMargin())) {
				return Mono.just(cached);
			}
			return sharedLoad(tenant);
		});
	}

	/**
	 * Forgets a token Genesys refused, here and in Redis (only if Redis still holds that token,
	 * so a newer token fetched meanwhile by another replica survives).
	 */
	Mono<Void> invalidate(Tenant tenant, AccessToken refused) {
		this.memory.remove(tenant.id(), refused);
		return this.redis.execute(DELETE_IF_EQUAL, List.of(tokenKey(tenant)), List.of(refused.value()))
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private Mono<AccessToken> sharedLoad(Tenant tenant) {
		return this.inFlight.computeIfAbsent(tenant.id(), (id) -> loadAcrossReplicas(tenant)
			.doOnNext((token) -> this.memory.put(id, token))
			.doFinally((signal) -> this.inFlight.remove(id))
			.cache());
	}

	private Mono<AccessToken> loadAcrossReplicas(Tenant tenant) {
		return fromRedis(tenant).switchIfEmpty(Mono.defer(() -> fetchUnderLock(tenant))).onErrorResume(
				RedisUnavailable.class, (ex) -> {
					this.metrics.tokenCacheUnavailable();
					logger.warn("Redis unavailable for the token cache of tenant " + tenant.id()
							+ "; fetching a token without sharing it");
					return fetchFromGenesys(tenant);
				});
	}

	private Mono<AccessToken> fromRedis(Tenant tenant) {
		return this.redis.execute(GET_WITH_TTL, List.of(tokenKey(tenant)))
			.next()
			.onErrorMap((ex) -> new RedisUnavailable(ex))
			.flatMap((reply) -> {
				Object value = (reply.size() > 0) ? reply.get(0) : null;
				Object ttl = (reply.size() > 1) ? reply.get(1) : null;
				if (!(value instanceof String token) || !(ttl instanceof Long millis) || millis <= 0) {
					return Mono.empty();
				}
				AccessToken found = new AccessToken(token, this.clock.instant().plusMillis(millis));
				return found.isFreshAt(this.clock.instant(), this.properties.refreshMargin()) ? Mono.just(found)
						: Mono.empty();
			});
	}

	private Mono<AccessToken> fetchUnderLock(Tenant tenant) {
		return this.redis.opsForValue()
			.setIfAbsent(lockKey(tenant), this.owner, this.properties.lockTtl())
			.onErrorMap((ex) -> new RedisUnavailable(ex))
			.flatMap((acquired) -> acquired ? fetchAndShare(tenant) : waitForPeer(tenant));
	}

	private Mono<AccessToken> fetchAndShare(Tenant tenant) {
		return fromRedis(tenant).switchIfEmpty(Mono.defer(() -> fetchFromGenesys(tenant)
			.flatMap((token) -> store(tenant, token).thenReturn(token))))
			.doFinally((signal) -> releaseLock(tenant));
	}

	private Mono<AccessToken> waitForPeer(Tenant tenant) {
		return fromRedis(tenant).repeatWhenEmpty((attempts) -> attempts.delayElements(PEER_POLL))
			.timeout(this.properties.peerWait(), Mono.defer(() -> fetchUnderLockOrAlone(tenant)));
	}

	private Mono<AccessToken> fetchUnderLockOrAlone(Tenant tenant) {
		logger.warn("No token appeared from the replica holding the fetch lock for tenant " + tenant.id()
				+ " within " + this.properties.peerWait() + "; fetching one itself");
		return fetchAndShare(tenant);
	}

	private Mono<AccessToken> fetchFromGenesys(Tenant tenant) {
		return this.oauth.fetch(tenant)
			.doOnNext((token) -> this.metrics.tokenFetched("success"))
			.doOnError((ex) -> this.metrics.tokenFetched((ex instanceof GenesysRejectedException) ? "rejected" : "error"));
	}

	private Mono<Void> store(Tenant tenant, AccessToken token) {
		Duration lifetime = Duration.between(this.clock.instant(), token.expiresAt());
		if (lifetime.isNegative() || lifetime.isZero()) {
			return Mono.empty();
		}
		return this.redis.opsForValue()
			.set(tokenKey(tenant), token.value(), lifetime)
			.then()
			.onErrorResume((ex) -> Mono.empty());
	}

	private void releaseLock(Tenant tenant) {
		this.redis.execute(DELETE_IF_EQUAL, List.of(lockKey(tenant)), List.of(this.owner))
			.onErrorResume((ex) -> Mono.empty())
			.subscribe();
	}

	private String tokenKey(Tenant tenant) {
		return this.properties.keyFormat().formatted(tenant.id());
	}

	private String lockKey(Tenant tenant) {
		return tokenKey(tenant) + ":lock";
	}

	/** Redis failed; the caller falls back to an unshared fetch. */
	private static final class RedisUnavailable extends RuntimeException {

		RedisUnavailable(Throwable cause) {
			super("Redis unavailable", cause);
		}

	}

}
