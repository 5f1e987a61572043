package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.bucket4j.BucketConfiguration;

/** A limit kept in Redis holds for every instance, and its key expires. */
@IntegrationTest
class RedisBucketsTests {

	@Autowired
	RedisBuckets buckets;

	@Autowired
	LettuceConnectionFactory connections;

	@Autowired
	ScoutlineSettings settings;

	@Autowired
	TestKeys keys;

	@Test
	void aLimitIsSharedByTwoInstancesAndItsKeyExpires() throws Exception {
		RedisBuckets other = new RedisBuckets(connections, settings, Clock.systemUTC());
		try {
			BucketConfiguration threePerHour = BucketConfiguration.builder()
				.addLimit(limit -> limit.capacity(3).refillIntervally(3, Duration.ofHours(1)))
				.build();
			assertThat(buckets.bucket("test:shared", threePerHour).tryConsume(2)).isTrue();
			assertThat(other.bucket("test:shared", threePerHour).tryConsume(1)).isTrue();
			assertThat(buckets.bucket("test:shared", threePerHour).tryConsume(1)).as("the fourth, on either").isFalse();
			assertThat(other.bucket("test:shared", threePerHour).tryConsume(1)).isFalse();
			assertThat(buckets.bucket("test:other", threePerHour).tryConsume(3)).as("another name, its own limit")
				.isTrue();
			long ttl = keys.ttl(keys.prefix() + "limit:test:shared");
			assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).plusSeconds(10).toSeconds());
		}
		finally {
			other.destroy();
			keys.clearAllButAccounts();
		}
	}

}
