package org.scoutline.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
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
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * The console sockets and logins open on this instance, by the staff member who holds
 * them, so that an account whose access was taken away (disabled, password reset) loses
 * every open console and every login at once, on every instance: the revocation travels
 * over Redis pub/sub ({@code <prefix>console:revoked}, the username only). Logs carry no
 * names.
 */
@Component
class StaffSessions implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

	/** the close status a console sees: its access was taken away */
	static final CloseStatus REVOKED = CloseStatus.POLICY_VIOLATION.withReason("access revoked");

	private final Map<String, Set<WebSocketSession>> open = new ConcurrentHashMap<>();

	private final StringRedisTemplate redis;

	private final SessionRegistry logins;

	private final String channel;

	StaffSessions(StringRedisTemplate redis, ScoutlineSettings settings, RedisMessageListenerContainer listeners,
			SessionRegistry logins) {
		this.redis = redis;
		this.logins = logins;
		this.channel = settings.keyPrefix() + "console:revoked";
		listeners.addMessageListener(this, new ChannelTopic(channel));
	}

	/**
	 * @return the console's socket handler, keeping track of who holds each socket
	 */
	WebSocketHandler tracking(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				String staff = name(session.getPrincipal());
				if (staff != null) {
					open.computeIfAbsent(staff, name -> ConcurrentHashMap.newKeySet()).add(session);
				}
				super.afterConnectionEstablished(session);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
				String staff = name(session.getPrincipal());
				if (staff != null) {
					open.computeIfPresent(staff, (name, sessions) -> {
						sessions.remove(session);
						return sessions.isEmpty() ? null : sessions;
					});
				}
				super.afterConnectionClosed(session, status);
			}

		};
	}

	/** Closes every console socket of {@code username} on every instance. */
	void revoke(String username) {
		redis.convertAndSend(channel, username);
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String username = new String(message.getBody(), StandardCharsets.UTF_8);
		int expired = 0;
		for (Object principal : logins.getAllPrincipals()) {
			if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
				for (SessionInformation login : logins.getAllSessions(principal, false)) {
					login.expireNow();
					expired++;
				}
			}
		}
		Set<WebSocketSession> sessions = open.remove(username);
		if (sessions == null) {
			log.info("console access revoked logins={} sockets=0", expired);
			return;
		}
		int closed = 0;
		for (WebSocketSession session : sessions) {
			try {
				session.close(REVOKED);
				closed++;
			}
			catch (IOException | RuntimeException ex) {
				log.debug("console socket not closed cause={}", ex.getClass().getSimpleName());
			}
		}
		log.info("console access revoked logins={} sockets={}", expired, closed);
	}

	private static String name(Principal principal) {
		return principal == null ? null : principal.getName();
	}

}
