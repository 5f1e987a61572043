package org.scoutline.schedule;

import org.springframework.http.HttpStatus;

/** A report request the API refuses, with a code and a message a coordinator can act on. */
class ReportProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String code;

	ReportProblem(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	HttpStatus status() {
		return status;
	}

	String code() {
		return code;
	}

}
