package org.scoutline.dialogue;

import java.util.List;

/**
 * The triage script or its texts are wrong; the message lists every problem with its file
 * and place.
 */
class InvalidScriptException extends IllegalStateException {

	private final List<String> problems;

	InvalidScriptException(List<String> problems) {
		super("The triage script is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
				+ "):\n  - " + String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return problems;
	}

}
