package org.scoutline.schedule;

import java.nio.charset.StandardCharsets;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells every instance at once when what the opening rule sees may have changed: the
 * schedule's own events (published on one instance only) and the staff's check-ins and
 * check-outs (which the console reports) go out on Redis pub/sub
 * ({@code <prefix>schedule:opening}, the reason and at most a staff username) and arrive
 * everywhere as {@link OpeningChanged}. Best effort: a lost message is caught up by each
 * listener's own periodic refresh.
 */
@Component
public class OpeningChanges implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(OpeningChanges.class);

	private final StringRedisTemplate redis;

	private final ApplicationEventPublisher publisher;

	private final String channel;

	OpeningChanges(StringRedisTemplate redis, ApplicationEventPublisher publisher, ScoutlineSettings settings,
			RedisMessageListenerContainer listeners) {
		this.redis = redis;
		this.publisher = publisher;
		this.channel = settings.keyPrefix() + "schedule:opening";
		listeners.addMessageListener(this, new ChannelTopic(channel));
	}

	/** A staff member's console connected (their first on this instance). */
	public void checkedIn(String staff) {
		send(OpeningChanged.CHECKED_IN + " " + staff);
	}

	/** A staff member's last console on this instance closed. */
	public void checkedOut(String staff) {
		send(OpeningChanged.CHECKED_OUT + " " + staff);
	}

	@EventListener({ SessionSaved.class, SessionCancelled.class, SessionOpened.class, EscalationsStopped.class,
			SessionEnded.class })
	void scheduleChanged() {
		send(OpeningChanged.SESSION);
	}

	private void send(String message) {
		try {
			redis.convertAndSend(channel, message);
		}
		catch (RuntimeException ex) {
			log.warn("opening change not sent cause={}", ex.getClass().getSimpleName());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split(" ", 2);
		try {
			publisher.publishEvent(new OpeningChanged(parts[0], parts.length > 1 ? parts[1] : null));
		}
		catch (RuntimeException ex) {
			log.warn("opening change not handled reason={} cause={}", parts[0], ex.getClass().getSimpleName());
		}
	}

}
