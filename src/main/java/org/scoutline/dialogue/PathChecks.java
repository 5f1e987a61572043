package org.scoutline.dialogue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks the paths through a triage script: every state reachable from the start or the
 * crisis entry, and from every state a path to an action plan.
 */
final class PathChecks {

	private final TriageScript script;

	private final ScriptProblems problems;

	PathChecks(TriageScript script, ScriptProblems problems) {
		this.script = script;
		this.problems = problems;
	}

	void checkReachable() {
		Set<String> reached = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>();
		for (String root : new String[] { script.start(), script.crisis() }) {
			if (root != null && script.state(root) != null && reached.add(root)) {
				todo.add(root);
			}
		}
		while (!todo.isEmpty()) {
			for (TriageScript.NextDef next : script.state(todo.poll()).next()) {
				if (script.state(next.to()) != null && reached.add(next.to())) {
					todo.add(next.to());
				}
			}
		}
		script.states()
			.keySet()
			.stream()
			.filter(id -> !reached.contains(id))
			.sorted()
			.forEach(id -> problems.add("states." + id,
					"unreachable: no path leads here from '" + script.start() + "'"));
	}

	void checkNoDeadEnds() {
		Set<String> reachesPlan = new HashSet<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Map.Entry<String, TriageScript.StateDef> entry : script.states().entrySet()) {
				if (!reachesPlan.contains(entry.getKey()) && leadsToPlan(entry.getValue(), reachesPlan)) {
					reachesPlan.add(entry.getKey());
					grew = true;
				}
			}
		}
		script.states()
			.keySet()
			.stream()
			.filter(id -> !reachesPlan.contains(id))
			.sorted()
			.forEach(id -> problems.add("states." + id, "dead end: no path leads from here to an action plan"));
	}

	private static boolean leadsToPlan(TriageScript.StateDef state, Set<String> reachesPlan) {
		return state.showsPlan() || state.next()
			.stream()
			.anyMatch(n -> TriageScript.RESUME.equals(n.to()) || reachesPlan.contains(n.to()));
	}

}
