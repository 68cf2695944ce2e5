package io.genesysbridge.console.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Slows down repeated failed sign-ins, per user name and per client address, with
 * counters in Redis so every console replica sees them. While a delay runs, sign-in
 * attempts are refused without checking the password, so guessing costs the attacker
 * time, not just the server. If Redis cannot be reached, sign-in is not slowed down (and
 * a warning is logged): the console must stay usable for the operators who need it during
 * an incident.
 */
final class LoginThrottle {

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	private final StringRedisTemplate redis;

	private final ConsoleSecurityProperties properties;

	private final Clock clock;

	LoginThrottle(StringRedisTemplate redis, ConsoleSecurityProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param username the name typed in, possibly unknown
	 * @param address the client address
	 * @return how long the client must still wait before its next attempt is checked
	 */
	Duration waitBefore(String username, String address) {
		try {
			Duration user = remaining(this.redis.<String, String>opsForHash().entries(userKey(username)));
			Duration client = remaining(this.redis.<String, String>opsForHash().entries(addressKey(address)));
			return (user.compareTo(client) >= 0) ? user : client;
		}
		catch (DataAccessException ex) {
			logger.warn("Login throttle unavailable (Redis): " + ex.getClass().getSimpleName());
			return Duration.ZERO;
		}
	}

	void failed(String username, String address) {
		try {
			for (String key : List.of(userKey(username), addressKey(address))) {
				this.redis.opsForHash().increment(key, "failures", 1);
				this.redis.opsForHash().put(key, "last", String.valueOf(this.clock.millis()));
				this.redis.expire(key, this.properties.login().memory());
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Login throttle unavailable (Redis): " + ex.getClass().getSimpleName());
		}
	}

	void succeeded(String username) {
		try {
			this.redis.delete(userKey(username));
		}
		catch (DataAccessException ex) {
			logger.warn("Login throttle unavailable (Redis): " + ex.getClass().getSimpleName());
		}
	}

	private Duration remaining(Map<String, String> counter) {
		long failures = Long.parseLong(counter.getOrDefault("failures", "0"));
		long last = Long.parseLong(counter.getOrDefault("last", "0"));
		long excess = failures - this.properties.login().freeFailures();
		if (excess <= 0) {
			return Duration.ZERO;
		}
		Duration delay = this.properties.login().initialDelay().multipliedBy(1L << Math.min(20, excess - 1));
		if (delay.compareTo(this.properties.login().maxDelay()) > 0) {
			delay = this.properties.login().maxDelay();
		}
		long left = last + delay.toMillis() - this.clock.millis();
		return (left > 0) ? Duration.ofMillis(left) : Duration.ZERO;
	}

	private String userKey(String username) {
		return this.properties.keyPrefix() + "user:" + sha256(username.trim().toLowerCase(Locale.ROOT));
	}

	private String addressKey(String address) {
		return this.properties.keyPrefix() + "address:" + sha256(address);
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
