package io.genesysbridge.backend.api;

import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Checks a presented API key against the configured key hashes ({@code app.api.keys}) and,
 * when enabled, against Redis ({@code <prefix><sha256>}). Only hashes are stored anywhere;
 * the key is hashed once and compared with every configured hash in constant time, so
 * neither its content nor its length shows in the timing. Redis answers (found or not) are
 * cached for {@code keyCacheTtl}; if Redis fails, only configured keys work (fail closed).
 */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

	private static final Log logger = LogFactory.getLog(ApiKeyAuthenticationManager.class);

	/** Longer values are refused unhashed: no real key is this long. */
	private static final int MAX_KEY_LENGTH = 512;

	private static final HexFormat HEX = HexFormat.of();

	private final List<Registered> configured;

	private final @Nullable ReactiveStringRedisTemplate redis;

	private final String redisKeyPrefix;

	private final JsonMapper json;

	private final AsyncCache<String, Optional<ApiClient>> stored;

	ApiKeyAuthenticationManager(ApiProperties properties, @Nullable ReactiveStringRedisTemplate redis,
			JsonMapper json) {
		this.configured = properties.keys()
			.stream()
			.map((key) -> new Registered(HEX.parseHex(key.sha256().toLowerCase(Locale.ROOT)),
					new ApiClient(key.name(), new HashSet<>(key.tenants()))))
			.toList();
		this.redis = properties.redisKeys() ? redis : null;
		this.redisKeyPrefix = properties.redisKeyPrefix();
		this.json = json;
		this.stored = Caffeine.newBuilder().expireAfterWrite(properties.keyCacheTtl()).maximumSize(10_000).buildAsync();
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication.getCredentials() instanceof String key) || key.length() > MAX_KEY_LENGTH) {
			return Mono.error(new BadCredentialsException("Invalid API key"));
		}
		byte[] digest = ApiKeyAuthentication.sha256(key);
		ApiClient client = configured(digest);
		Mono<ApiClient> found = (client != null) ? Mono.just(client) : stored(HEX.formatHex(digest));
		return found.<Authentication>map(ApiKeyAuthentication::authenticated)
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("Invalid API key")));
	}

	private @Nullable ApiClient configured(byte[] digest) {
		ApiClient match = null;
		for (Registered registered : this.configured) {
			if (MessageDigest.isEqual(registered.sha256(), digest)) {
				match = registered.client();
			}
		}
		return match;
	}

	private Mono<ApiClient> stored(String sha256) {
		ReactiveStringRedisTemplate template = this.redis;
		if (template == null) {
			return Mono.empty();
		}
		return Mono
			.fromFuture(() -> this.stored.get(sha256, (hash, executor) -> template.opsForValue()
				.get(this.redisKeyPrefix + hash)
				.map(this::parse)
				.defaultIfEmpty(Optional.empty())
				.toFuture()))
			.flatMap(Mono::justOrEmpty)
			.onErrorResume((ex) -> {
				logger.warn("API key lookup in Redis failed (" + ex.getClass().getSimpleName()
						+ "); only configured keys are accepted until it works again");
				return Mono.empty();
			});
	}

	/** A stored value is the caller's name, or {@code {"name":"…","tenants":["…"]}}. */
	private Optional<ApiClient> parse(String value) {
		String text = value.trim();
		if (!text.startsWith("{")) {
			return text.isEmpty() ? Optional.empty() : Optional.of(new ApiClient(text, Set.of()));
		}
		try {
			JsonNode node = this.json.readTree(text);
			String name = node.path("name").asString("");
			Set<String> tenants = new HashSet<>();
			node.path("tenants").values().forEach((tenant) -> tenants.add(tenant.asString()));
			return name.isBlank() ? Optional.empty() : Optional.of(new ApiClient(name, tenants));
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring a malformed API key record in Redis under " + this.redisKeyPrefix + "…");
			return Optional.empty();
		}
	}

	private record Registered(byte[] sha256, ApiClient client) {
	}

}
