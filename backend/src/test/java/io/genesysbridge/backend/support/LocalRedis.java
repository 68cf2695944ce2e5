package io.genesysbridge.backend.support;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/**
 * The real Redis on 127.0.0.1:6379 (or REDIS_HOST/REDIS_PORT) for tests that need no Spring
 * context. Tests use their own random tenant ids and delete what they wrote.
 */
public final class LocalRedis implements AutoCloseable {

	private final LettuceConnectionFactory factory;

	private final ReactiveStringRedisTemplate template;

	private LocalRedis(String host, int port) {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.template = new ReactiveStringRedisTemplate(this.factory);
	}

	public static LocalRedis connect() {
		return new LocalRedis(System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
				Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));
	}

	/**
	 * @return a client for a port where nothing listens, to test behaviour with Redis down
	 */
	public static LocalRedis unreachable() {
		return new LocalRedis("127.0.0.1", 1);
	}

	public ReactiveStringRedisTemplate template() {
		return this.template;
	}

	/**
	 * Deletes every key matching the pattern.
	 * @param pattern a SCAN MATCH pattern containing a test-unique part
	 */
	public void deleteMatching(String pattern) {
		List<String> keys = this.template.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())
			.collectList()
			.block(Duration.ofSeconds(10));
		if (keys != null && !keys.isEmpty()) {
			this.template.delete(keys.toArray(String[]::new)).block(Duration.ofSeconds(10));
		}
	}

	@Override
	public void close() {
		this.factory.destroy();
	}

}
