package org.scoutline.channel.common;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The last line of the messenger webhooks (the controllers marked
 * {@link ChannelWebhook}): whatever goes wrong still gets a JSON answer without a stack
 * trace. A body that cannot be read is the sender's fault ({@code 400}); anything else is
 * ours and temporary ({@code 503}), so the platform retries and the replay protection
 * absorbs the repeat.
 */
@RestControllerAdvice(annotations = ChannelWebhook.class)
class WebhookErrors {

	private static final Logger log = LoggerFactory.getLogger(WebhookErrors.class);

	private final WebhookRejections rejections;

	WebhookErrors(WebhookRejections rejections) {
		this.rejections = rejections;
	}

	@ExceptionHandler(IOException.class)
	ResponseEntity<Map<String, String>> unreadable(IOException ex, HttpServletRequest request) {
		rejections.count(request.getRequestURI(), "unreadable_body");
		log.info("webhook body unreadable cause={}", ex.getClass().getSimpleName());
		return WebhookRequests.error(HttpStatus.BAD_REQUEST, "unreadable_body", "the request body could not be read");
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, String>> failed(RuntimeException ex, HttpServletRequest request) {
		rejections.count(request.getRequestURI(), "unavailable");
		log.error("webhook failed cause={}", ex.getClass().getName());
		return WebhookRequests.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "please retry later");
	}

}
