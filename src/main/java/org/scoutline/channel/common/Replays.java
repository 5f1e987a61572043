package org.scoutline.channel.common;

import java.time.Duration;

import org.scoutline.platform.ScoutlineSettings;
import org.scoutline.safety.Pseudonyms;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers which channel messages (Telegram update ids, WhatsApp message ids) arrived
 * already, across instances, so that a replayed webhook or a re-delivered update is
 * dropped before anything else happens. The ids are stored only as keyed pseudonyms,
 * because some are not opaque (a WhatsApp message id encodes the sender's number); the
 * keys ({@code seen:<channel>:<pseudonym>}) expire after two days, longer than any
 * channel retries.
 */
@Component
public class Replays {

	private static final Duration REMEMBERED = Duration.ofDays(2);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final Pseudonyms pseudonyms;

	Replays(StringRedisTemplate redis, ScoutlineSettings settings, Pseudonyms pseudonyms) {
		this.redis = redis;
		this.pseudonyms = pseudonyms;
		this.prefix = settings.keyPrefix() + "seen:";
	}

	/**
	 * @return {@code true} the first time this id of this channel is offered,
	 * {@code false} after that
	 */
	public boolean firstTime(String channel, String messageId) {
		Boolean set = redis.opsForValue().setIfAbsent(key(channel, messageId), "1", REMEMBERED);
		return Boolean.TRUE.equals(set);
	}

	/**
	 * Forgets an id again, so that a message that could not be handled is handled when
	 * the channel retries it.
	 */
	public void forget(String channel, String messageId) {
		redis.delete(key(channel, messageId));
	}

	private String key(String channel, String messageId) {
		return prefix + channel + ":" + pseudonyms.of("seen:" + channel, messageId);
	}

}
