package org.scoutline.handover;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.scoutline.conversation.Channel;
import org.scoutline.platform.ScoutlineSettings;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.stereotype.Component;

/**
 * The conversations waiting for the next live session on their channel, in two lists per
 * channel ({@code <prefix>{ho}:remind:<CHANNEL>}, {@code <prefix>{ho}:parked:<CHANNEL>}):
 * those who want one reminder, and those who left a message for its scouts. Sorted by
 * when they asked; they expire with the retention period.
 */
@Component
class NextSessionLists {

	/**
	 * the list of conversations that want one reminder when the next session on their
	 * channel opens
	 */
	static final String REMIND = "remind";

	/**
	 * the list of conversations that left a message for the scouts, queued when the next
	 * session opens
	 */
	static final String PARKED = "parked";

	private final StringRedisTemplate redis;

	private final HandoverKeys keys;

	private final Duration ttl;

	NextSessionLists(StringRedisTemplate redis, ScoutlineSettings settings) {
		this.redis = redis;
		this.keys = new HandoverKeys(settings.keyPrefix());
		this.ttl = Duration.ofSeconds(settings.retentionSeconds());
	}

	/**
	 * Keeps a conversation on {@code list} ({@link #REMIND} or {@link #PARKED}) for its
	 * channel.
	 */
	void await(String list, Channel channel, String id, long now) {
		String key = key(list, channel);
		redis.opsForZSet().add(key, id, now);
		redis.expire(key, ttl);
	}

	/**
	 * @return whether the conversation was on that list
	 */
	boolean stopAwaiting(String list, String id) {
		boolean removed = false;
		for (Channel channel : Channel.values()) {
			Long count = redis.opsForZSet().remove(key(list, channel), id);
			removed |= count != null && count > 0;
		}
		return removed;
	}

	/** Takes a conversation off both lists (its user erased their data). */
	void forget(String id) {
		stopAwaiting(REMIND, id);
		stopAwaiting(PARKED, id);
	}

	/**
	 * @return every conversation on that list for the channel, oldest first; the list is
	 * emptied atomically
	 */
	List<String> take(String list, Channel channel) {
		Set<ZSetOperations.TypedTuple<String>> taken = redis.opsForZSet().popMin(key(list, channel), 100_000);
		return taken == null ? List.of() : taken.stream().map(ZSetOperations.TypedTuple::getValue).toList();
	}

	private String key(String list, Channel channel) {
		return keys.nextSession(list, channel.name());
	}

}
