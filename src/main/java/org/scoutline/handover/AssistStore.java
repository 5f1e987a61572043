package org.scoutline.handover;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.scoutline.conversation.ConversationId;
import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.platform.Sealer;
import org.scoutline.platform.Secrets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A supervisor next to a scout, in Redis (under {@code scoutline.key-prefix}):
 * <ul>
 * <li>{@code conv:{<tag>}:<id>:whispers} (in the conversation's slot) list: what
 * supervisors wrote privately to the chat's scout, each line encrypted like the notes,
 * expiring after the retention period without a new line and erased with the
 * conversation</li>
 * <li>the field {@code helpers} of {@code {ho}:chat:<id>}: the supervisors who stepped in
 * (gone when the chat is closed or goes back to the queue)</li>
 * </ul>
 */
@Component
class AssistStore {

	private static final RedisScript<String> STEP_IN = RedisScript
		.of(new ClassPathResource("redis/handover-step-in.lua"), String.class);

	private static final int KEPT = 200;

	private final StringRedisTemplate redis;

	private final ObjectMapper json;

	private final Sealer sealer;

	private final String prefix;

	private final HandoverKeys keys;

	private final String ttl;

	AssistStore(StringRedisTemplate redis, ObjectMapper json, Secrets secrets, ScoutlineSettings settings) {
		this.redis = redis;
		this.json = json;
		this.sealer = new Sealer(secrets.dataKey());
		this.prefix = settings.keyPrefix();
		this.keys = new HandoverKeys(prefix);
		this.ttl = Long.toString(settings.retentionSeconds());
	}

	/**
	 * @return {@code ok}, {@code joined}, {@code mine} or {@code gone} (see
	 * {@code handover-step-in.lua})
	 */
	String stepIn(String id, String supervisor) {
		return String.valueOf(redis.execute(STEP_IN, keys.stepIn(id), supervisor, ttl));
	}

	/**
	 * @return the supervisors who stepped into the chat
	 */
	List<String> helpers(String id) {
		Object helpers = redis.opsForHash().get(chat(id), "helpers");
		return helpers == null || helpers.toString().isBlank() ? List.of()
				: Arrays.asList(helpers.toString().split(" "));
	}

	void whisper(String id, Whisper line) {
		String key = whispers(id);
		redis.opsForList().rightPush(key, sealer.seal(write(line), id + "|whisper"));
		redis.opsForList().trim(key, -KEPT, -1);
		redis.expire(key, Duration.ofSeconds(Long.parseLong(ttl)));
	}

	/**
	 * @return the last {@code max} private lines, oldest first
	 */
	List<Whisper> whispers(String id, int max) {
		List<String> lines = redis.opsForList().range(whispers(id), -max, -1);
		return lines == null ? List.of()
				: lines.stream().map(line -> read(sealer.open(line, id + "|whisper"))).toList();
	}

	/** Erases the private lines of a conversation whose user erased their data. */
	void forget(String id) {
		redis.delete(whispers(id));
	}

	private String write(Whisper line) {
		try {
			return json.writeValueAsString(line);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Whisper read(String text) {
		try {
			return json.readValue(text, Whisper.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored private line is not readable", ex);
		}
	}

	private String chat(String id) {
		return keys.chat(id);
	}

	private String whispers(String id) {
		return prefix + "conv:{" + new ConversationId(id).slotTag() + "}:" + id + ":whispers";
	}

}
