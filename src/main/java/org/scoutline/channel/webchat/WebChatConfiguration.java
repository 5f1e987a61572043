package org.scoutline.channel.webchat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

/**
 * The widget's WebSocket at {@code /chat/ws} (protocol: {@code docs/widget-protocol.md}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebChatConfiguration implements WebSocketConfigurer {

	/**
	 * the widget never sends binary frames; a small one is still answered with the media
	 * refusal
	 */
	static final int BINARY_BUFFER_BYTES = 1024;

	private final WebChatHandler handler;

	private final WebChatSettings settings;

	private final ClientLimits limits;

	WebChatConfiguration(WebChatHandler handler, WebChatSettings settings, ClientLimits limits) {
		this.handler = handler;
		this.settings = settings;
		this.limits = limits;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		// the widget's frame is served from this origin: a host page's own scripts get no
		// socket of their own
		OriginHandshakeInterceptor origins = new OriginHandshakeInterceptor();
		origins.setAllowedOriginPatterns(settings.socketOrigins());
		registry.addHandler(handler, "/chat/ws").addInterceptors(origins, limits);
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer(WebChatSettings settings) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		// Tomcat allocates both buffers for every open socket: they decide what an idle
		// connection costs
		container.setMaxTextMessageBufferSize(settings.maxFrameChars());
		container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
		container.setMaxSessionIdleTimeout(30L * 60 * 1000);
		return container;
	}

}
