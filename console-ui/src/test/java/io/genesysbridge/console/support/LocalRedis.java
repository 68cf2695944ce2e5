package io.genesysbridge.console.support;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A plain connection to the local Redis for test set-up and clean-up.
 */
public final class LocalRedis implements AutoCloseable {

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private LocalRedis(RedisClient client) {
		this.client = client;
		this.connection = client.connect();
	}

	public static LocalRedis connect() {
		return new LocalRedis(RedisClient.create("redis://127.0.0.1:6379"));
	}

	public RedisCommands<String, String> commands() {
		return this.connection.sync();
	}

	public void deleteMatching(String pattern) {
		RedisCommands<String, String> redis = commands();
		ScanCursor cursor = ScanCursor.INITIAL;
		List<String> keys = new ArrayList<>();
		do {
			KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
			keys.addAll(page.getKeys());
			cursor = page;
		}
		while (!cursor.isFinished());
		for (int i = 0; i < keys.size(); i += 500) {
			redis.del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
		}
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
