package org.scoutline.schedule;

import java.util.Map;

/**
 * An RRULE {@link Recurrences} refuses, with what is wrong as a {@link SessionProblem}
 * code and its values besides the English reason.
 */
final class BadRecurrenceException extends IllegalArgumentException {

	private final SessionProblem.Code code;

	private final transient Map<String, String> params;

	BadRecurrenceException(SessionProblem.Code code, Map<String, String> params, String reason) {
		super(reason);
		this.code = code;
		this.params = Map.copyOf(params);
	}

	/**
	 * @return the refusal as a problem of the session's {@code recurrence} field
	 */
	SessionProblem problem() {
		return new SessionProblem("recurrence", this.code, this.params, getMessage());
	}

}
