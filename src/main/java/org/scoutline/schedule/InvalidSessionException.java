package org.scoutline.schedule;

import java.util.List;
import java.util.stream.Collectors;

/** A submitted session was refused; nothing was saved. */
public class InvalidSessionException extends RuntimeException {

	private final transient List<SessionProblem> problems;

	InvalidSessionException(List<SessionProblem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	/**
	 * @return every problem found, at least one
	 */
	public List<SessionProblem> problems() {
		return problems;
	}

}
