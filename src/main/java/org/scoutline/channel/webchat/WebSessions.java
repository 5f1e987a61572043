package org.scoutline.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.scoutline.platform.ScoutlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget sockets open on this instance, by the user's pseudonym. Frames for a user
 * are published on Redis ({@code <prefix>web}) and written by whichever instance holds
 * the user's socket (possibly none: the widget then gets what it missed when it comes
 * back, by the {@code seq} of the last line it has).
 */
@Component
class WebSessions implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(WebSessions.class);

	private final Map<String, Set<WidgetSocket>> open = new ConcurrentHashMap<>();

	private final StringRedisTemplate redis;

	private final ObjectMapper json;

	private final String channel;

	WebSessions(StringRedisTemplate redis, ObjectMapper json, ScoutlineSettings settings,
			RedisMessageListenerContainer listeners) {
		this.redis = redis;
		this.json = json;
		this.channel = settings.keyPrefix() + "web";
		listeners.addMessageListener(this, new ChannelTopic(channel));
	}

	void register(String pseudonym, WidgetSocket socket) {
		open.computeIfAbsent(pseudonym, p -> ConcurrentHashMap.newKeySet()).add(socket);
	}

	/**
	 * @return how many sockets of this user are open on this instance
	 */
	int count(String pseudonym) {
		Set<WidgetSocket> sockets = open.get(pseudonym);
		return sockets == null ? 0 : sockets.size();
	}

	void unregister(String pseudonym, WidgetSocket socket) {
		open.computeIfPresent(pseudonym, (p, sockets) -> {
			sockets.remove(socket);
			return sockets.isEmpty() ? null : sockets;
		});
	}

	/** Sends a frame to the user's sockets on every instance. */
	void publish(String pseudonym, WebChatFrames.Frame frame) {
		try {
			String payload = json.writeValueAsString(Map.of("ps", pseudonym, "frame", json.valueToTree(frame)));
			redis.convertAndSend(channel, payload);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		try {
			JsonNode envelope = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
			Set<WidgetSocket> sockets = open.get(envelope.path("ps").asText());
			if (sockets == null) {
				return;
			}
			JsonNode frame = envelope.path("frame");
			TextMessage text = new TextMessage(frame.toString());
			long seq = frame.path("seq").asLong(0);
			for (WidgetSocket socket : sockets) {
				socket.pushed(text, seq);
			}
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.warn("web delivery dropped cause={}", ex.getClass().getSimpleName());
		}
	}

}
