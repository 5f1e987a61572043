package org.scoutline.console;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
	static final List<String> CODES = Arrays.stream(Code.values()).map(Code::header).toList();

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
		Refusal refusal = refusal(cause);
		String command = command(clientMessage);
		if (gate.open(command + " " + refusal.kind())) {
			log.warn("STOMP {} refused: {} (logged once a minute per kind)", command, refusal.kind());
		}
		Message<byte[]> error = super.handleClientMessageProcessingError(clientMessage,
				new MessageDeliveryException(refusal.text()));
		if (error == null) {
			return null;
		}
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
		headers.setNativeHeader("code", refusal.code().header());
		return MessageBuilder.createMessage(error.getPayload(), headers.getMessageHeaders());
	}

	private Refusal refusal(Throwable cause) {
		if (cause instanceof InvalidCsrfTokenException || cause instanceof MissingCsrfTokenException) {
			return new Refusal("invalid CSRF token", "Invalid CSRF token", Code.CSRF);
		}
		if (cause instanceof AccessDeniedException) {
			return new Refusal("access denied", "Access Denied", Code.ACCESS_DENIED);
		}
		if (cause instanceof StompConversionException && String.valueOf(cause.getMessage()).contains("limit")) {
			return new Refusal("frame too large", "Frame too large (at most " + frameLimit + " bytes)",
					Code.FRAME_TOO_LARGE);
		}
		if (cause instanceof StompConversionException) {
			return new Refusal("malformed frame", "Bad request", Code.BAD_REQUEST);
		}
		return new Refusal("failed (" + cause.getClass().getSimpleName() + ")", "Bad request", Code.BAD_REQUEST);
	}

	/**
	 * the codes of the {@code code} header, one per kind of refusal the console explains
	 */
	enum Code {

		CSRF, ACCESS_DENIED, FRAME_TOO_LARGE, BAD_REQUEST;

		String header() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * @param kind what the log line says
	 * @param text the ERROR frame's English message
	 * @param code its {@code code} header
	 */
	private record Refusal(String kind, String text, Code code) {
	}

	private static String command(Message<byte[]> clientMessage) {
		if (clientMessage == null) {
			return "frame";
		}
		StompCommand command = StompHeaderAccessor.wrap(clientMessage).getCommand();
		return command == null ? "frame" : command.name();
	}

}
