package org.scoutline.channel.webchat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Puts the widget's frames together before the handler sees them, up to a hard cap: at
 * most {@code scoutline.webchat.max-frame-chars} characters a text message,
 * {@value WebChatConfiguration#BINARY_BUFFER_BYTES} bytes a binary one. A larger message
 * closes the socket with code 1009, as Tomcat did while each socket's own buffer had that
 * size.
 * <p>
 * Why not a socket buffer of the largest legal frame: Tomcat keeps it for every open
 * socket, and 8,192 characters (16 KiB) alone were most of what an idle widget may cost;
 * a buffer sized to the usual frames instead would close legal ones (2,000 Korean
 * characters, a text full of quotes). So every socket keeps only the small buffers of
 * {@code scoutline.sockets.*}, and a longer message reaches this handler in parts (each
 * ending on a whole character), kept here only until its last part.
 */
final class WholeFrames extends WebSocketHandlerDecorator {

	private static final String PARTS = "scoutline.widget.parts";

	private final int maxTextChars;

	private final int maxBinaryBytes;

	WholeFrames(WebSocketHandler delegate, int maxTextChars, int maxBinaryBytes) {
		super(delegate);
		this.maxTextChars = maxTextChars;
		this.maxBinaryBytes = maxBinaryBytes;
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		Parts parts = (Parts) session.getAttributes().get(PARTS);
		boolean data = message instanceof TextMessage || message instanceof BinaryMessage;
		// a pong may come between the parts of a message
		if (!data || (parts == null && message.isLast())) {
			super.handleMessage(session, message);
			return;
		}
		if (parts == null) {
			parts = new Parts();
			session.getAttributes().put(PARTS, parts);
		}
		if (message.isLast()) {
			session.getAttributes().remove(PARTS);
		}
		if (parts.refused) {
			return;
		}
		if (!parts.add(message, maxTextChars, maxBinaryBytes)) {
			parts.refused = true;
			session.close(CloseStatus.TOO_BIG_TO_PROCESS);
		}
		else if (message.isLast()) {
			super.handleMessage(session, parts.whole());
		}
	}

	/** the parts of one message so far */
	private static final class Parts {

		private StringBuilder text;

		private ByteArrayOutputStream binary;

		/** over the cap: the socket is closing, the rest of the message is dropped */
		private boolean refused;

		/**
		 * @return whether the message is still within its cap
		 */
		boolean add(WebSocketMessage<?> part, int maxTextChars, int maxBinaryBytes) {
			if (part instanceof BinaryMessage bytes) {
				binary = binary != null ? binary : new ByteArrayOutputStream();
				ByteBuffer payload = bytes.getPayload().duplicate();
				byte[] copy = new byte[payload.remaining()];
				payload.get(copy);
				binary.writeBytes(copy);
				return binary.size() <= maxBinaryBytes;
			}
			text = text != null ? text : new StringBuilder();
			text.append(((TextMessage) part).getPayload());
			return text.length() <= maxTextChars;
		}

		WebSocketMessage<?> whole() {
			return text != null ? new TextMessage(text) : new BinaryMessage(binary.toByteArray());
		}

	}

}
