package org.scoutline.handover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.LuaScripts;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The handover's Redis layout (under {@code scoutline.key-prefix}, all with the hash tag
 * {@code {ho}}, see {@link HandoverKeys}; every key expires after the retention period
 * without writes, presence after the grace period):
 * <ul>
 * <li>{@code {ho}:queue} sorted set of waiting conversation ids, scored by band (imminent
 * danger first, then crisis and returned chats, then the others; see {@link Urgency})
 * then waiting time</li>
 * <li>{@code {ho}:chat:<id>} hash: queuedAt, crisis, band, the crisis signal's kind and
 * severity, scout, claimedAt, the last position told (pos, told)</li>
 * <li>{@code {ho}:scout:<name>} set: the chats a scout holds</li>
 * <li>{@code {ho}:active} sorted set: chats held by a scout, by claim time</li>
 * <li>{@code {presence}:scouts} sorted set: scouts by their last heartbeat</li>
 * </ul>
 * Claims, transfers and releases are single Lua scripts, so concurrent requests on any
 * number of instances cannot give one chat to two scouts.
 */
@Component
class HandoverStore {

	/** band width in the queue score: one band holds any epoch-millis waiting time */
	static final double BAND = 1e13;

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ENQUEUE = script("handover-enqueue.lua", List.class);

	private static final RedisScript<String> CLAIM = script("handover-claim.lua", String.class);

	private static final RedisScript<String> TRANSFER = script("handover-transfer.lua", String.class);

	private static final RedisScript<Long> RELEASE = script("handover-release.lua", Long.class);

	private static final RedisScript<Long> TELL = script("handover-tell.lua", Long.class);

	private final StringRedisTemplate redis;

	private final HandoverKeys keys;

	private final String ttl;

	HandoverStore(StringRedisTemplate redis, ScoutlineSettings settings) {
		this.redis = redis;
		this.keys = new HandoverKeys(settings.keyPrefix());
		this.ttl = Long.toString(settings.retentionSeconds());
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return LuaScripts.of("redis/" + name, type);
	}

	static double score(int band, long queuedAt) {
		return band * BAND + queuedAt;
	}

	/**
	 * @param occurrence the live session occurrence the chat joins, or {@code null}
	 */
	Enqueued enqueue(String id, Urgency urgency, long now, String occurrence) {
		List<?> result = redis.execute(ENQUEUE, keys.enqueue(id), id, Double.toString(score(urgency.band(), now)),
				Long.toString(now), urgency.crisis() ? "1" : "0", ttl, occurrence == null ? "" : occurrence,
				Integer.toString(urgency.band()), urgency.kind() == null ? "" : urgency.kind(),
				urgency.severity() == null ? "" : urgency.severity());
		if (result == null || result.size() < 3) {
			return new Enqueued(0, false, false);
		}
		return new Enqueued(((Number) result.get(0)).intValue(), ((Number) result.get(1)).intValue() == 1,
				((Number) result.get(2)).intValue() == 1);
	}

	/**
	 * @return whether the chat was waiting and is now out of the queue
	 */
	boolean leave(String id) {
		Long removed = redis.opsForZSet().remove(keys.queue(), id);
		if (removed != null && removed > 0) {
			redis.delete(keys.chat(id));
			return true;
		}
		return false;
	}

	ClaimOutcome claim(String id, String scout, int capacity, long now) {
		String result = redis.execute(CLAIM, keys.claim(id, scout), id, scout, Integer.toString(capacity),
				Long.toString(now), ttl);
		return ClaimOutcome.valueOf(String.valueOf(result).toUpperCase());
	}

	ClaimOutcome transfer(String id, String from, String to, int capacity) {
		String result = redis.execute(TRANSFER, keys.transfer(id, from, to), id, from, to, Integer.toString(capacity),
				ttl);
		return ClaimOutcome.valueOf(String.valueOf(result).toUpperCase());
	}

	/**
	 * @return whether {@code scout} held the chat, which is now closed
	 */
	boolean close(String id, String scout) {
		return release(id, scout, "");
	}

	/**
	 * @param band {@link Urgency#IMMINENT} keeps a chat in imminent danger ahead of the
	 * crisis chats
	 * @return whether {@code scout} held the chat, which is now back at the front of the
	 * queue (of its band)
	 */
	boolean requeue(String id, String scout, long queuedAt, int band) {
		return release(id, scout, Double.toString(score(Math.min(band, Urgency.CRISIS), queuedAt)));
	}

	private boolean release(String id, String scout, String score) {
		Long released = redis.execute(RELEASE, keys.release(id, scout), id, scout, score, ttl);
		return released != null && released == 1L;
	}

	/**
	 * @return whether the user must be told this position now (at most once per interval,
	 * only when it changed)
	 */
	boolean tell(String id, int position, long now, long intervalMillis) {
		Long tell = redis.execute(TELL, keys.tell(id), Integer.toString(position), Long.toString(now),
				Long.toString(intervalMillis));
		return tell != null && tell == 1L;
	}

	/**
	 * @return the 1-based position, or 0 when not waiting
	 */
	int position(String id) {
		Long rank = redis.opsForZSet().rank(keys.queue(), id);
		return rank == null ? 0 : rank.intValue() + 1;
	}

	/**
	 * @return the waiting conversation ids, first first
	 */
	List<String> waiting() {
		Set<String> ids = redis.opsForZSet().range(keys.queue(), 0, -1);
		return ids == null ? List.of() : new ArrayList<>(ids);
	}

	/**
	 * @return how many conversations wait in the first {@code bands} bands of the queue
	 */
	int waitingCount(int bands) {
		Long count = redis.opsForZSet().count(keys.queue(), Double.NEGATIVE_INFINITY, bands * BAND - 1);
		return count == null ? 0 : count.intValue();
	}

	/**
	 * @return the chats held by a scout, oldest claim first
	 */
	List<String> held() {
		Set<String> ids = redis.opsForZSet().range(keys.active(), 0, -1);
		return ids == null ? List.of() : new ArrayList<>(ids);
	}

	Set<String> chatsOf(String scout) {
		Set<String> ids = redis.opsForSet().members(keys.scoutChats(scout));
		return ids == null ? Set.of() : ids;
	}

	/**
	 * @return where the chat stands ({@link ChatState#NONE} when it is neither waiting
	 * nor held)
	 */
	ChatState state(String id) {
		Map<Object, Object> raw = redis.opsForHash().entries(keys.chat(id));
		Map<String, String> fields = new HashMap<>();
		raw.forEach((k, v) -> fields.put((String) k, (String) v));
		return ChatState.of(fields);
	}

	String scoutOf(String id) {
		Object scout = redis.opsForHash().get(keys.chat(id), "scout");
		return scout == null ? null : scout.toString();
	}

	/**
	 * Flags a chat a scout holds: the crisis and, unless a more urgent one is kept, the
	 * signal's kind and severity. @return whether it had no crisis flag before
	 */
	boolean flagCrisis(String id, Urgency urgency) {
		Map<String, String> flag = new HashMap<>(Map.of("crisis", "1"));
		ChatState before = state(id);
		if (urgency.band() <= before.band() && urgency.kind() != null) {
			flag.put("band", Integer.toString(urgency.band()));
			flag.put("kind", urgency.kind());
			flag.put("severity", urgency.severity());
		}
		redis.opsForHash().putAll(keys.chat(id), flag);
		redis.expire(keys.chat(id), Duration.ofSeconds(Long.parseLong(ttl)));
		return !before.crisis();
	}

	/** Drops every handover key of a conversation whose user erased their data. */
	void forget(String id) {
		String scout = scoutOf(id);
		if (scout != null) {
			redis.opsForSet().remove(keys.scoutChats(scout), id);
		}
		redis.opsForZSet().remove(keys.queue(), id);
		redis.opsForZSet().remove(keys.active(), id);
		redis.delete(keys.chat(id));
	}

	/**
	 * Counts outcomes and feedback answers (no conversation id, nothing about a person).
	 */
	void count(String what) {
		redis.opsForHash().increment(keys.stats(), what, 1);
	}

}
