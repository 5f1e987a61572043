package org.scoutline.console;

import org.springframework.http.HttpStatus;

/** A request the console refuses, with a code and a message a scout can act on. */
class ConsoleProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String code;

	ConsoleProblem(HttpStatus status, String code, String message) {
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
