package org.scoutline.channel.webchat;

import java.io.IOException;
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
import org.springframework.web.socket.WebSocketSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget sockets open on this instance, by the user's pseudonym. Frames for a user
 * are published on Redis ({@code <prefix>web}) and written by whichever instance holds
 * the user's socket (possibly none: the user then sees the messages in the history when
 * they come back).
 */
@Component
class WebSessions implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(WebSessions.class);

	private final Map<String, Set<WebSocketSession>> open = new ConcurrentHashMap<>();

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

	void register(String pseudonym, WebSocketSession session) {
		open.computeIfAbsent(pseudonym, p -> ConcurrentHashMap.newKeySet()).add(session);
	}

	void unregister(String pseudonym, WebSocketSession session) {
		open.computeIfPresent(pseudonym, (p, sessions) -> {
			sessions.remove(session);
			return sessions.isEmpty() ? null : sessions;
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
			Set<WebSocketSession> sessions = open.get(envelope.path("ps").asText());
			if (sessions == null) {
				return;
			}
			TextMessage frame = new TextMessage(envelope.path("frame").toString());
			for (WebSocketSession session : sessions) {
				send(session, frame);
			}
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.warn("web delivery dropped cause={}", ex.getClass().getSimpleName());
		}
	}

	private static void send(WebSocketSession session, TextMessage frame) {
		try {
			if (session.isOpen()) {
				session.sendMessage(frame);
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("web delivery failed session={} cause={}", session.getId(), ex.getClass().getSimpleName());
		}
	}

}
