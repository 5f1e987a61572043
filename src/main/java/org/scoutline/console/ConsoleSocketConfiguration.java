package org.scoutline.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * The console's STOMP endpoint {@code /console/ws} (a logged-in scout or supervisor; CSRF
 * token in CONNECT) and the authorisation of every frame:
 * <ul>
 * <li>{@code /topic/queue}: scouts and supervisors (ids only; details come from the
 * API)</li>
 * <li>{@code /topic/chats}, {@code /topic/alerts}: supervisors</li>
 * <li>{@code /topic/chat/<id>} and {@code /app/chat/<id>/send|note|typing|whisper}: the
 * chat's scout, or a supervisor (a whisper: a supervisor, refused by the controller)</li>
 * <li>{@code /user/queue/**}: one's own errors, assignments and offers</li>
 * <li>anything else: denied, answered with an ERROR frame that says why</li>
 * </ul>
 * A frame larger than {@link ConsoleSettings#stompFrameBytes()} is answered with an ERROR
 * frame ("Frame too large") before the socket closes.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
@EnableWebSocketSecurity
class ConsoleSocketConfiguration implements WebSocketMessageBrokerConfigurer {

	private final StaffSessions sockets;

	private final ConsoleSettings settings;

	ConsoleSocketConfiguration(StaffSessions sockets, ConsoleSettings settings) {
		this.sockets = sockets;
		this.settings = settings;
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(settings.stompFrameBytes());
		registration.addDecoratorFactory(sockets::tracking);
		registration.addDecoratorFactory(FramesInParts::new);
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/console/ws");
		registry.setErrorHandler(new StompErrors(settings.stompFrameBytes()));
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic", "/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
	}

	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager(
			MessageMatcherDelegatingAuthorizationManager.Builder messages, ChatAccess chats) {
		AuthorizationManager<MessageAuthorizationContext<?>> staff = chats.staff(Role.SCOUT, Role.SUPERVISOR);
		return messages.simpTypeMatchers(SimpMessageType.CONNECT)
			.access(staff)
			.simpTypeMatchers(SimpMessageType.DISCONNECT, SimpMessageType.UNSUBSCRIBE, SimpMessageType.HEARTBEAT)
			.permitAll()
			.simpSubscribeDestMatchers("/user/queue/**")
			.access(staff)
			.simpSubscribeDestMatchers("/topic/queue")
			.access(staff)
			.simpSubscribeDestMatchers("/topic/chats", "/topic/alerts")
			.access(chats.staff(Role.SUPERVISOR))
			.simpSubscribeDestMatchers("/topic/chat/{id}")
			.access(chats)
			.simpMessageDestMatchers("/app/chat/{id}/send", "/app/chat/{id}/note", "/app/chat/{id}/typing",
					"/app/chat/{id}/whisper")
			.access(chats)
			.anyMessage()
			.denyAll()
			.build();
	}

}
