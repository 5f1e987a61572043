package org.scoutline.dialogue;

import java.util.Map;
import java.util.Set;

/**
 * One step of the triage's state machine: where an answer or a crisis signal leads from a
 * state, given the facts. {@link TriageMachine} decides them, {@link RememberedSteps}
 * remembers its answers ({@link #standard}); a bean of type {@link Maker} puts another in
 * its place (the benchmark's comparison with Spring Statemachine's reference recipe does,
 * in test code).
 */
interface TriageSteps {

	/**
	 * @return the state reached from {@code from} when the user answered, given the facts
	 */
	String next(String from, Map<String, String> facts);

	/**
	 * @return the state a crisis signal leads to from {@code from}
	 */
	String crisis(String from, Map<String, String> facts);

	/**
	 * @return the application's steps of a script: the machine's, remembered
	 */
	static TriageSteps standard(TriageScript script, Set<String> riskScreen) {
		return new RememberedSteps(new TriageMachine(script, riskScreen), script);
	}

	/** Makes the steps of a script. */
	@FunctionalInterface
	interface Maker {

		TriageSteps make(TriageScript script, Set<String> riskScreen);

	}

}
