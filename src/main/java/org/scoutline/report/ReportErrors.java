package org.scoutline.report;

import java.util.Map;

import org.scoutline.platform.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * JSON answers for the reports API, also where a CSV was asked for: {@code 400} for a bad
 * range, {@code 404} for an unknown report, {@code 503} when the store fails. Never a
 * stack trace or a 500.
 */
@RestControllerAdvice(assignableTypes = SessionReportsApi.class)
class ReportErrors {

	private static final Logger log = LoggerFactory.getLogger(ReportErrors.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, String>> problem(ApiProblem problem) {
		return body(problem.status(), problem.code(), problem.getMessage());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, String>> unexpected(RuntimeException ex) {
		log.error("session report request failed cause={}", ex.getClass().getSimpleName());
		return body(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
				"The reports cannot be read just now. Please try again.");
	}

	private static ResponseEntity<Map<String, String>> body(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", code, "message", message));
	}

}
