package org.scoutline.platform;

import org.springframework.http.HttpStatus;

/**
 * A request an API refuses on purpose, with the HTTP status, a stable code and a message
 * the person at the other end can act on. Each module's error advice turns it into its
 * JSON answer; no stack trace is kept or shown.
 */
public class ApiProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final String code;

	public ApiProblem(HttpStatus status, String code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

}
