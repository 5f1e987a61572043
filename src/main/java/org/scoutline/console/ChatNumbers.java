package org.scoutline.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ChatEvent;
import org.scoutline.platform.ScoutlineSettings;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * A chat's number of the day ("Chat 3"), the same on every console and instance, so that
 * a chat is named without the scout's or the user's name: {@code chatno:<id>} keeps a
 * conversation's number, {@code chatno:day:<date>} counts the day's chats (UTC days).
 * Both expire after two days; a chat's number goes at once when the user erases their
 * data.
 */
@Component
class ChatNumbers {

	private static final Duration KEEP = Duration.ofDays(2);

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final String prefix;

	ChatNumbers(StringRedisTemplate redis, Clock clock, ScoutlineSettings settings) {
		this.redis = redis;
		this.clock = clock;
		this.prefix = settings.keyPrefix() + "chatno:";
	}

	/**
	 * @return the chat's number, given on first asking
	 */
	long of(ConversationId id) {
		String key = prefix + id.value();
		String known = redis.opsForValue().get(key);
		if (known != null) {
			return Long.parseLong(known);
		}
		String day = prefix + "day:" + LocalDate.now(clock);
		Long next = redis.opsForValue().increment(day);
		redis.expire(day, KEEP);
		long number = next == null ? 1 : next;
		if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, Long.toString(number), KEEP))) {
			return number;
		}
		// another console gave it a number at the same moment
		String other = redis.opsForValue().get(key);
		return other == null ? number : Long.parseLong(other);
	}

	/** The user erased their data ({@code /delete}): their chat's number goes too. */
	@EventListener
	void on(ChatEvent.ChatErased erased) {
		redis.delete(prefix + erased.conversation());
	}

}
