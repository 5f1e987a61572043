package org.scoutline.console;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Takes the console's WebSocket messages in parts as the server reads them, so that a
 * STOMP frame larger than the socket's buffer (which every open socket keeps:
 * {@code scoutline.sockets.text-buffer-chars}, raised by Spring's STOMP support to 16,640
 * characters for a console socket) reaches the STOMP decoder, which puts the parts
 * together up to the frame limit and answers a larger frame with an ERROR frame (see
 * {@link StompErrors}); without this the server closed such a socket with code 1009 and
 * no word why. A part always ends on a whole character.
 */
class FramesInParts extends WebSocketHandlerDecorator {

	FramesInParts(WebSocketHandler delegate) {
		super(delegate);
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

}
