package org.scoutline.channel.webchat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.OriginHandshakeInterceptor;

/**
 * The widget's WebSocket at {@code /chat/ws} (protocol: {@code docs/widget-protocol.md}).
 * The socket's buffers are the platform's ({@code scoutline.sockets.*}, small, since they
 * decide what an idle widget costs); its frames are put together up to their limits by
 * {@link WholeFrames}, and its handshake agrees to no compression
 * ({@link WithoutCompression}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebChatConfiguration implements WebSocketConfigurer {

	/**
	 * the widget never sends binary frames; a small one is still answered with the media
	 * refusal, a larger one closes the socket (1009)
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
		registry.addHandler(new WholeFrames(handler, settings.maxFrameChars(), BINARY_BUFFER_BYTES), "/chat/ws")
			.setHandshakeHandler(new DefaultHandshakeHandler(new WithoutCompression()))
			.addInterceptors(origins, limits);
	}

}
