package org.scoutline.console;

import java.util.List;

import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames that say what went wrong ("Access Denied", "Invalid CSRF token", "Frame
 * too large", with a stable {@code code} header) instead of the broker's generic wrapper
 * message, and never a stack trace. Each refusal is logged at WARN in one line (the
 * command and the kind, never the destination or the body), once a minute per kind at
 * most; Spring's own line for it is switched off in {@code application.yml}.
 */
class StompErrors extends StompSubProtocolErrorHandler {

	/**
	 * the codes an ERROR frame carries in its {@code code} header; the console shows
	 * {@code stomp.<code>} in the scout's language, other clients read the English
	 * message
	 */
	static final List<String> CODES = List.of("csrf", "access_denied", "frame_too_large", "bad_request");

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
		String code;
		if (cause instanceof InvalidCsrfTokenException || cause instanceof MissingCsrfTokenException) {
			kind = "invalid CSRF token";
			text = "Invalid CSRF token";
			code = "csrf";
		}
		else if (cause instanceof AccessDeniedException) {
			kind = "access denied";
			text = "Access Denied";
			code = "access_denied";
		}
		else if (cause instanceof StompConversionException && String.valueOf(cause.getMessage()).contains("limit")) {
			kind = "frame too large";
			text = "Frame too large (at most " + frameLimit + " bytes)";
			code = "frame_too_large";
		}
		else if (cause instanceof StompConversionException) {
			kind = "malformed frame";
			text = "Bad request";
			code = "bad_request";
		}
		else {
			kind = "failed (" + cause.getClass().getSimpleName() + ")";
			text = "Bad request";
			code = "bad_request";
		}
		String command = command(clientMessage);
		if (gate.open(command + " " + kind)) {
			log.warn("STOMP {} refused: {} (logged once a minute per kind)", command, kind);
		}
		Message<byte[]> error = super.handleClientMessageProcessingError(clientMessage,
				new MessageDeliveryException(text));
		if (error == null) {
			return null;
		}
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
		headers.setNativeHeader("code", code);
		return MessageBuilder.createMessage(error.getPayload(), headers.getMessageHeaders());
	}

	private static String command(Message<byte[]> clientMessage) {
		if (clientMessage == null) {
			return "frame";
		}
		StompCommand command = StompHeaderAccessor.wrap(clientMessage).getCommand();
		return command == null ? "frame" : command.name();
	}

}
