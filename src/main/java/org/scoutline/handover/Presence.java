package org.scoutline.handover;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.scoutline.platform.ScoutlineSettings;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;

import org.springframework.stereotype.Component;

/**
 * Scouts' presence: the console renews a heartbeat for every scout connected to this
 * instance. The heartbeats expire on their own; a scout whose heartbeat is older than the
 * grace period has vanished.
 */
@Component
public class Presence {

	private final StringRedisTemplate redis;

	private final String key;

	private final HandoverSettings settings;

	private final Clock clock;

	Presence(StringRedisTemplate redis, ScoutlineSettings scoutline, HandoverSettings settings, Clock clock) {
		this.redis = redis;
		this.key = HandoverKeys.presence(scoutline.keyPrefix());
		this.settings = settings;
		this.clock = clock;
	}

	/** Renews a scout's presence. */
	public void beat(String scout) {
		long keep = Math.max(settings.grace().toMillis(), settings.presenceTimeout().toMillis()) * 2;
		long now = clock.millis();
		redis.opsForZSet().add(key, scout, now);
		redis.opsForZSet().removeRangeByScore(key, 0, now - keep);
		redis.expire(key, Duration.ofMillis(keep));
	}

	/**
	 * @return how often heartbeats must be renewed
	 */
	public long heartbeatMillis() {
		return settings.heartbeat().toMillis();
	}

	/** Ends a staff member's presence at once (their access was taken away). */
	public void drop(String scout) {
		redis.opsForZSet().remove(key, scout);
	}

	/**
	 * @return the last heartbeat of a scout (epoch millis), or {@code null}
	 */
	Long lastSeen(String scout) {
		Double score = redis.opsForZSet().score(key, scout);
		return score == null ? null : score.longValue();
	}

	/**
	 * @return the scouts whose heartbeat is younger than {@code since} (epoch millis)
	 */
	List<String> present(long since) {
		Set<ZSetOperations.TypedTuple<String>> all = redis.opsForZSet()
			.rangeByScoreWithScores(key, since, Double.POSITIVE_INFINITY);
		return all == null ? List.of() : all.stream().map(ZSetOperations.TypedTuple::getValue).toList();
	}

}
