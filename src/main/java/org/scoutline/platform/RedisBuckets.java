package org.scoutline.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce.LettuceBasedProxyManagerBuilder;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * Token buckets kept in Redis (Bucket4j's Lettuce backend), so that a limit holds across
 * every instance: {@code <prefix>limit:<name>}, each key expiring once its bucket would
 * be full again. Names must not carry personal data as such (an address or a token goes
 * in as its pseudonym). The connection is the app's Redis client's own, opened on first
 * use. Time is the app's {@link Clock} (so that tests can move it), in milliseconds.
 */
@Component
public class RedisBuckets implements DisposableBean {

	/** a full bucket is kept a little longer than it takes to refill, then expires */
	private static final Duration KEPT_AFTER_REFILL = Duration.ofSeconds(10);

	private final LettuceConnectionFactory connections;

	private final String prefix;

	private final Clock clock;

	private StatefulConnection<byte[], byte[]> connection;

	private LettuceBasedProxyManager<byte[]> buckets;

	RedisBuckets(LettuceConnectionFactory connections, ScoutlineSettings settings, Clock clock) {
		this.connections = connections;
		this.prefix = settings.keyPrefix() + "limit:";
		this.clock = clock;
	}

	/**
	 * @param name what the bucket limits and for whom, e.g.
	 * {@code login:user:<pseudonym>}
	 * @param configuration its limits (used when the bucket is new or expired)
	 * @return the bucket; each call on it is one Redis round trip
	 * @throws org.springframework.dao.DataAccessException never: Redis failures come as
	 * Bucket4j's or Lettuce's runtime exceptions
	 */
	public BucketProxy bucket(String name, BucketConfiguration configuration) {
		return proxies().builder().build((prefix + name).getBytes(StandardCharsets.UTF_8), () -> configuration);
	}

	/**
	 * Forgets a bucket: the next {@link #bucket} of this name starts full.
	 * @param name as given to {@link #bucket}
	 */
	public void remove(String name) {
		proxies().removeProxy((prefix + name).getBytes(StandardCharsets.UTF_8));
	}

	/** on the app's client: a cluster client on a Redis Cluster, else a plain one */
	private LettuceBasedProxyManagerBuilder<byte[]> builder() {
		AbstractRedisClient client = connections.getRequiredNativeClient();
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<byte[], byte[]> opened = cluster.connect(ByteArrayCodec.INSTANCE);
			connection = opened;
			return Bucket4jLettuce.casBasedBuilder(opened);
		}
		StatefulRedisConnection<byte[], byte[]> opened = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
		connection = opened;
		return Bucket4jLettuce.casBasedBuilder(opened);
	}

	private synchronized LettuceBasedProxyManager<byte[]> proxies() {
		if (buckets == null) {
			buckets = builder()
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
				.clientClock(new TimeMeter() {
					@Override
					public long currentTimeNanos() {
						return clock.millis() * 1_000_000L;
					}

					@Override
					public boolean isWallClockBased() {
						return true;
					}
				})
				.build();
		}
		return buckets;
	}

	@Override
	public synchronized void destroy() {
		if (connection != null) {
			connection.close();
		}
	}

}
