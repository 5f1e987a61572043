package org.scoutline.console;

import java.util.Map;

import org.scoutline.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * JSON errors for the console API: a code and a message, never a stack trace, never a
 * 500.
 */
@RestControllerAdvice(assignableTypes = { ConsoleApi.class, AccountsApi.class, CannedRepliesApi.class,
		LanguageApi.class, DutyApi.class, AssistApi.class, OfferApi.class, TeamApi.class })
class ConsoleErrors {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

	static Map<String, String> body(String code, String message) {
		return Map.of("error", code, "message", message);
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, String>> problem(ApiProblem problem) {
		return ResponseEntity.status(problem.status()).body(body(problem.code(), problem.getMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(body("bad_request", "The request body is not the expected JSON."));
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, String>> unexpected(RuntimeException ex) {
		log.error("console request failed cause={}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(body("unavailable", "That did not work just now. Please try again."));
	}

}
