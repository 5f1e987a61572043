package org.scoutline.console;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * ERROR frames that say what went wrong ("Access Denied", "Invalid CSRF token") instead
 * of the broker's generic wrapper message, and never a stack trace.
 */
class StompErrors extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text;
		if (cause instanceof AccessDeniedException
				&& !(cause instanceof InvalidCsrfTokenException || cause instanceof MissingCsrfTokenException)) {
			text = "Access Denied";
		}
		else if (cause instanceof InvalidCsrfTokenException || cause instanceof MissingCsrfTokenException) {
			text = "Invalid CSRF token";
		}
		else {
			text = "Bad request";
		}
		return super.handleClientMessageProcessingError(clientMessage, new MessageDeliveryException(text));
	}

}
