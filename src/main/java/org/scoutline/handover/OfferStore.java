package org.scoutline.handover;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.scoutline.platform.ScoutlineSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Offers in Redis (under {@code scoutline.key-prefix}):
 * <ul>
 * <li>{@code {ho}:offer:<scout>} string: the chat offered to a scout now (or {@code -}
 * after a decline), expiring with the offer</li>
 * <li>the fields {@code offer}, {@code offerUntil} (by the Redis clock) and {@code tried}
 * (who had it in this round) of {@code {ho}:chat:<id>}</li>
 * </ul>
 * Offering, accepting and declining are single Lua scripts: an accept racing an expiry, a
 * claim by hand or a second instance's offer leaves the chat with exactly one scout.
 */
@Component
class OfferStore {

	private static final RedisScript<String> OFFER = script("handover-offer.lua", String.class);

	private static final RedisScript<String> ACCEPT = script("handover-accept.lua", String.class);

	private static final RedisScript<Long> DECLINE = script("handover-decline.lua", Long.class);

	private final StringRedisTemplate redis;

	private final HandoverKeys keys;

	private final String ttl;

	OfferStore(StringRedisTemplate redis, ScoutlineSettings settings) {
		this.redis = redis;
		this.keys = new HandoverKeys(settings.keyPrefix());
		this.ttl = Long.toString(settings.retentionSeconds());
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return RedisScript.of(new ClassPathResource("redis/" + name), type);
	}

	/**
	 * @param newRound whether every free scout had the chat already: the round starts
	 * again
	 * @return {@code ok}, {@code gone}, {@code busy}, {@code offered}, {@code full} or
	 * {@code tried} (see {@code handover-offer.lua})
	 */
	String offer(String id, String scout, int capacity, long forMillis, boolean newRound) {
		return String.valueOf(redis.execute(OFFER, keys.offer(id, scout), id, scout, Integer.toString(capacity),
				Long.toString(forMillis), ttl, newRound ? "1" : ""));
	}

	/**
	 * @return {@code ok}, {@code mine}, {@code taken}, {@code gone}, {@code expired} or
	 * {@code full}
	 */
	String accept(String id, String scout, int capacity, long now) {
		return String.valueOf(redis.execute(ACCEPT, keys.accept(id, scout), id, scout, Integer.toString(capacity),
				Long.toString(now), ttl));
	}

	/**
	 * @param pause whether the scout gets no other offer until this one would have run
	 * out (they declined), rather than being free at once (the chat went elsewhere)
	 * @return whether the scout had this offer
	 */
	boolean decline(String id, String scout, boolean pause) {
		Long had = redis.execute(DECLINE, keys.decline(id, scout), id, scout, pause ? "1" : "");
		return had != null && had == 1L;
	}

	/**
	 * @return what {@code {ho}:offer:<scout>} holds: a conversation id, {@code -} (paused
	 * after a decline) or {@code null} (free for an offer)
	 */
	String offered(String scout) {
		return redis.opsForValue().get(keys.offer(scout));
	}

	/**
	 * @return how long the scout's offer lasts still, in milliseconds (0 when none)
	 */
	long remainingMillis(String scout) {
		Long left = redis.getExpire(keys.offer(scout), TimeUnit.MILLISECONDS);
		return left == null || left < 0 ? 0 : left;
	}

	/**
	 * @return the scouts who had the chat in this round of offers
	 */
	List<String> tried(String id) {
		Object tried = redis.opsForHash().get(keys.chat(id), "tried");
		return tried == null || tried.toString().isBlank() ? List.of() : Arrays.asList(tried.toString().split(" "));
	}

}
