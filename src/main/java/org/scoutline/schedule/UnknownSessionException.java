package org.scoutline.schedule;

/** No session has the given id. */
public class UnknownSessionException extends RuntimeException {

	UnknownSessionException(String id) {
		super("no session with id " + id);
	}

}
