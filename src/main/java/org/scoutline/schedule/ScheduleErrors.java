package org.scoutline.schedule;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.scoutline.schedule.SessionProblem.Code;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Precise JSON answers for the schedule's endpoints: {@code 400} with every problem by
 * field, {@code 404} for an unknown session. Never a stack trace; request bodies are not
 * logged.
 */
@RestControllerAdvice(assignableTypes = { SessionConsoleApi.class, PublicSchedule.class })
class ScheduleErrors {

	private static final Logger log = LoggerFactory.getLogger(ScheduleErrors.class);

	@ExceptionHandler(InvalidSessionException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidSessionException ex) {
		log.info("live session refused problems={}", ex.problems().size());
		return body(HttpStatus.BAD_REQUEST, "invalid_session", "the session was not saved", ex.problems());
	}

	@ExceptionHandler(UnknownSessionException.class)
	ResponseEntity<Map<String, Object>> unknown(UnknownSessionException ex) {
		return body(HttpStatus.NOT_FOUND, "unknown_session", ex.getMessage(), List.of());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return body(HttpStatus.BAD_REQUEST, "invalid_session", "the session was not saved",
					List.of(wrongType(field, mismatch.getTargetType())));
		}
		String reason = ex.getCause() instanceof JsonMappingException ? "the body is not a session"
				: "the body is not valid JSON";
		return body(HttpStatus.BAD_REQUEST, "unreadable_body", reason, List.of());
	}

	private static SessionProblem wrongType(String field, Class<?> type) {
		if (type == null) {
			return new SessionProblem(field, Code.WRONG_TYPE, "has the wrong type (another type expected)");
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return new SessionProblem(field, Code.NOT_A_NUMBER, "has the wrong type (a number expected)");
		}
		return List.class.isAssignableFrom(type)
				? new SessionProblem(field, Code.NOT_A_LIST, "has the wrong type (a list expected)")
				: new SessionProblem(field, Code.NOT_TEXT, "has the wrong type (text expected)");
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, String message,
			List<SessionProblem> problems) {
		return ResponseEntity.status(status).body(Map.of("error", error, "message", message, "problems", problems));
	}

}
