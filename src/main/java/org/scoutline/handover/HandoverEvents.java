package org.scoutline.handover;

import java.nio.charset.StandardCharsets;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes {@link ChatEvent}s as Spring application events where they happen, and
 * carries them to every instance over Redis pub/sub ({@code <prefix>ho:events}), where
 * each arrives as a {@link ChatEvent.Relayed}. Logs carry the type and the conversation
 * id only.
 */
@Component
class HandoverEvents implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(HandoverEvents.class);

	private final StringRedisTemplate redis;

	private final ObjectMapper json;

	private final ApplicationEventPublisher publisher;

	private final String channel;

	HandoverEvents(StringRedisTemplate redis, ObjectMapper json, ApplicationEventPublisher publisher,
			ScoutlineSettings settings, RedisMessageListenerContainer listeners) {
		this.redis = redis;
		this.json = json;
		this.publisher = publisher;
		this.channel = settings.keyPrefix() + "ho:events";
		listeners.addMessageListener(this, new ChannelTopic(channel));
	}

	/**
	 * Relays {@code event} to every instance, this one included, then publishes it here
	 * (once). What listens here (the session reports) is best effort: its failure is
	 * logged and keeps neither the consoles nor the user from being told.
	 */
	void publish(ChatEvent event) {
		try {
			redis.convertAndSend(channel, json.writeValueAsString(event));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		publishHere(event);
	}

	/** Publishes {@code event} on this instance only, best effort. */
	void publishHere(Object event) {
		try {
			publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			log.warn("handover event not recorded here event={} cause={}", event.getClass().getSimpleName(),
					ex.getClass().getSimpleName());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			ChatEvent event = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), ChatEvent.class);
			publisher.publishEvent(new ChatEvent.Relayed(event));
		}
		catch (RuntimeException | JsonProcessingException ex) {
			log.warn("handover event dropped cause={}", ex.getClass().getSimpleName());
		}
	}

}
