package org.scoutline.console;

import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames that say what went wrong ("Access Denied", "Invalid CSRF token", "Frame
 * too large") instead of the broker's generic wrapper message, and never a stack trace.
 * Each refusal is logged at WARN in one line (the command and the kind, never the
 * destination or the body), once a minute per kind at most; Spring's own line for it is
 * switched off in {@code application.yml}.
 */
class StompErrors extends StompSubProtocolErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(StompErrors.class);

	private final int frameLimit;

	private final LogGate gate = new LogGate();

	/**
	 * @param frameLimit the largest frame in bytes, named in the answer to a larger one
	 */
	StompErrors(int frameLimit) {
		this.frameLimit = frameLimit;
	}

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String kind;
		String text;
		if (cause instanceof InvalidCsrfTokenException || cause instanceof MissingCsrfTokenException) {
			kind = "invalid CSRF token";
			text = "Invalid CSRF token";
		}
		else if (cause instanceof AccessDeniedException) {
			kind = "access denied";
			text = "Access Denied";
		}
		else if (cause instanceof StompConversionException && String.valueOf(cause.getMessage()).contains("limit")) {
			kind = "frame too large";
			text = "Frame too large (at most " + frameLimit + " bytes)";
		}
		else if (cause instanceof StompConversionException) {
			kind = "malformed frame";
			text = "Bad request";
		}
		else {
			kind = "failed (" + cause.getClass().getSimpleName() + ")";
			text = "Bad request";
		}
		String command = command(clientMessage);
		if (gate.open(command + " " + kind)) {
			log.warn("STOMP {} refused: {} (logged once a minute per kind)", command, kind);
		}
		return super.handleClientMessageProcessingError(clientMessage, new MessageDeliveryException(text));
	}

	private static String command(Message<byte[]> clientMessage) {
		if (clientMessage == null) {
			return "frame";
		}
		StompCommand command = StompHeaderAccessor.wrap(clientMessage).getCommand();
		return command == null ? "frame" : command.name();
	}

}
