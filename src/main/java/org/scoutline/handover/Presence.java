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
 * grace period has vanished. A scout whose consoles all closed is checked out at once
 * ({@code ho:checked-out}, usernames, expiring like the heartbeats) but keeps the grace
 * period for their chats.
 */
@Component
public class Presence {

	private final StringRedisTemplate redis;

	private final String key;

	private final String left;

	private final HandoverSettings settings;

	private final Clock clock;

	Presence(StringRedisTemplate redis, ScoutlineSettings scoutline, HandoverSettings settings, Clock clock) {
		this.redis = redis;
		this.key = HandoverKeys.presence(scoutline.keyPrefix());
		this.left = scoutline.keyPrefix() + "{presence}:checked-out";
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
		redis.opsForZSet().remove(left, scout);
	}

	/**
	 * A staff member's last console on this instance closed: not checked in from now on
	 * (until a console beats again, here or on another instance); the heartbeat stays for
	 * the grace period of the chats they hold.
	 */
	public void checkOut(String scout) {
		long keep = Math.max(settings.grace().toMillis(), settings.presenceTimeout().toMillis()) * 2;
		redis.opsForZSet().add(left, scout, clock.millis());
		redis.expire(left, Duration.ofMillis(keep));
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
		redis.opsForZSet().remove(left, scout);
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
		if (all == null || all.isEmpty()) {
			return List.of();
		}
		Set<String> gone = redis.opsForZSet().range(left, 0, -1);
		return all.stream()
			.map(ZSetOperations.TypedTuple::getValue)
			.filter(scout -> gone == null || !gone.contains(scout))
			.toList();
	}

}
