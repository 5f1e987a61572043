package org.scoutline.platform;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Sizes the buffers every open connection keeps ({@link SocketBufferSettings}): Tomcat's
 * read and write buffers, and the WebSocket container's. An idle widget socket costs
 * little more than these.
 */
@Configuration(proxyBeanMethods = false)
class SocketBuffers {

	/** read once, when Tomcat's WebSocket classes load */
	static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	private static final Logger log = LoggerFactory.getLogger(SocketBuffers.class);

	/**
	 * Runs when the web server factory is made, before Tomcat starts: Tomcat's WebSocket
	 * classes, which read {@value #WEBSOCKET_BUFFER_PROPERTY} once, load only then, when
	 * the server container starts. A JVM that loaded them earlier (another app, a
	 * WebSocket client) keeps its size: that gets a warning.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBufferSizes(SocketBufferSettings settings) {
		return factory -> {
			factory.addConnectorCustomizers(connector -> {
				set(connector, "socket.appReadBufSize", settings.readBufferBytes());
				set(connector, "socket.appWriteBufSize", settings.writeBufferBytes());
			});
			System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(settings.websocketBufferBytes()));
			int effective = new WsWebSocketContainer().getDefaultMaxTextMessageBufferSize();
			if (effective != settings.websocketBufferBytes()) {
				log.warn(
						"WebSocket buffers are {} bytes, not the {} of scoutline.sockets.websocket-buffer-bytes: "
								+ "Tomcat's WebSocket classes were loaded before the setting was applied",
						effective, settings.websocketBufferBytes());
			}
		};
	}

	private static void set(Connector connector, String property, int value) {
		if (!connector.setProperty(property, Integer.toString(value))) {
			throw new IllegalStateException("Tomcat refused " + property + "=" + value);
		}
	}

	/**
	 * The WebSocket container, shared by the widget's socket and the console's STOMP:
	 * Tomcat allocates both message buffers for every open socket.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer(SocketBufferSettings settings) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(settings.textBufferChars());
		container.setMaxBinaryMessageBufferSize(settings.binaryBufferBytes());
		container.setMaxSessionIdleTimeout(30L * 60 * 1000);
		return container;
	}

}
