package org.scoutline.channel.webchat;

import java.util.List;
import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The widget's handshake agrees to no extension, {@code permessage-deflate} included,
 * which browsers ask for: compression would keep a zlib deflater and inflater (about NNN
 * KiB of native memory, docs/benchmarks.md) for every open socket, to save little on
 * frames of a few hundred bytes. Spring's own negotiation is not enough: Tomcat reads the
 * request's {@code Sec-WebSocket-Extensions} again and agrees to what it has installed
 * unless the endpoint's configurator says otherwise, which this one does.
 */
final class WithoutCompression extends StandardWebSocketUpgradeStrategy {

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		return List.of();
	}

	@Override
	protected void upgradeHttpToWebSocket(HttpServletRequest request, HttpServletResponse response,
			ServerEndpointConfig endpointConfig, Map<String, String> pathParams) throws Exception {
		ServerEndpointRegistration given = (ServerEndpointRegistration) endpointConfig;
		ServerEndpointRegistration plain = new NoExtensions(given.getPath(), given);
		super.upgradeHttpToWebSocket(request, response, plain, pathParams);
	}

	private static final class NoExtensions extends ServerEndpointRegistration {

		NoExtensions(String path, ServerEndpointRegistration given) {
			super(path, given.getEndpoint());
			setSubprotocols(given.getSubprotocols());
		}

		@Override
		public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
			return List.of();
		}

	}

}
