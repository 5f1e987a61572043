package org.scoutline.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.scoutline.platform.ScoutlineSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Gives tests their key prefix and deletes every key under it when the context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RedisTestSupport {

	@Bean
	TestKeys testKeys(StringRedisTemplate redis, ScoutlineSettings settings) {
		return new TestKeys(redis, settings.keyPrefix());
	}

	/** The keys of this test context. */
	public static class TestKeys implements DisposableBean {

		private final StringRedisTemplate redis;

		private final String prefix;

		TestKeys(StringRedisTemplate redis, String prefix) {
			if (!prefix.startsWith("sl-test-")) {
				throw new IllegalStateException("tests must run with their own key prefix, not " + prefix);
			}
			this.redis = redis;
			this.prefix = prefix;
		}

		public String prefix() {
			return prefix;
		}

		/**
		 * @return every key this context wrote
		 */
		public List<String> all() {
			List<String> keys = new ArrayList<>();
			if (redis.getConnectionFactory() instanceof LettuceConnectionFactory factory && factory.isClusterAware()) {
				// SCAN is per node on a cluster: ask every master
				try (RedisClusterConnection cluster = factory.getClusterConnection()) {
					for (RedisClusterNode node : cluster.clusterGetNodes()) {
						if (node.isMaster()) {
							cluster.keys(node, (prefix + "*").getBytes(StandardCharsets.UTF_8))
								.forEach(key -> keys.add(new String(key, StandardCharsets.UTF_8)));
						}
					}
				}
				return keys;
			}
			try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(500).build())) {
				cursor.forEachRemaining(keys::add);
			}
			return keys;
		}

		/**
		 * Deletes every key of this context (the context's tests run one after another).
		 */
		public void clear() {
			List<String> keys = all();
			if (!keys.isEmpty()) {
				redis.delete(keys);
			}
		}

		/**
		 * @return the seconds until a key expires (-1: never, -2: no such key)
		 */
		public long ttl(String key) {
			Long ttl = redis.getExpire(key);
			return ttl == null ? -2 : ttl;
		}

		/**
		 * Deletes this test's keys but the console accounts (so the bootstrap coordinator
		 * stays).
		 */
		public void clearAllButAccounts() {
			List<String> keys = all().stream().filter(key -> !key.contains(":acct")).toList();
			if (!keys.isEmpty()) {
				redis.delete(keys);
			}
		}

		@Override
		public void destroy() {
			clear();
		}

	}

}
