package org.scoutline.dialogue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The risk screen of a triage script: the states a crisis signal leads through before the
 * script returns to where it was, that is every state reachable from the crisis entry
 * that can still reach {@code @resume}.
 *
 * @param states the states of the screen, none when the script has no crisis entry
 * @param imminentOutcome the screen's outcome for imminent danger (the state with
 * {@code risk: imminent}), or {@code null}
 */
record RiskScreen(Set<String> states, String imminentOutcome) {

	/** the choice a crisis signal stands for inside the risk screen */
	static final String YES = "yes";

	private static final List<String> RISK_ORDER = List.of("low", "high", "imminent");

	/**
	 * the facts of the risk screen's questions, answered yes when a message shows
	 * imminent danger
	 */
	private static final List<String> RISK_QUESTIONS = List.of("risk_thoughts", "risk_plan", "risk_means", "risk_soon");

	static RiskScreen of(TriageScript script) {
		Set<String> states = states(script);
		String imminent = states.stream()
			.filter(id -> "imminent".equals(script.state(id).risk()))
			.findFirst()
			.orElse(null);
		return new RiskScreen(states, imminent);
	}

	boolean contains(String node) {
		return states.contains(node);
	}

	/**
	 * @return the state at the imminent outcome with every question of the screen
	 * answered yes, to go back to where it was when the state is not in the screen
	 * already
	 */
	TriageState imminent(TriageState state) {
		Map<String, String> facts = new HashMap<>(state.facts());
		if (!contains(state.node())) {
			facts.put(Facts.RESUME_TO, state.node());
		}
		for (String question : RISK_QUESTIONS) {
			facts.put(question, YES);
		}
		return state.at(imminentOutcome, facts);
	}

	/**
	 * @return the state with the risk recorded, unless a higher one is recorded already
	 */
	static TriageState withRisk(TriageState state, String risk) {
		String recorded = state.facts().get(Facts.RISK);
		if (risk == null || recorded != null && RISK_ORDER.indexOf(risk) <= RISK_ORDER.indexOf(recorded)) {
			return state;
		}
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.put(Facts.RISK, risk);
		return state.at(state.node(), facts);
	}

	private static Set<String> states(TriageScript script) {
		if (script.crisis() == null) {
			return Set.of();
		}
		Set<String> fromCrisis = new HashSet<>(Set.of(script.crisis()));
		Deque<String> todo = new ArrayDeque<>(fromCrisis);
		while (!todo.isEmpty()) {
			for (TriageScript.NextDef next : script.state(todo.poll()).next()) {
				if (script.state(next.to()) != null && fromCrisis.add(next.to())) {
					todo.add(next.to());
				}
			}
		}
		Set<String> screen = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (String id : fromCrisis) {
				if (!screen.contains(id) && script.state(id)
					.next()
					.stream()
					.anyMatch(n -> TriageScript.RESUME.equals(n.to()) || screen.contains(n.to()))) {
					screen.add(id);
					grew = true;
				}
			}
		}
		return Set.copyOf(screen);
	}

}
