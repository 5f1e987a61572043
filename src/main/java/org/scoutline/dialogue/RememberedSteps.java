package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The state machine's steps, each decided by the machine once and then remembered. A step
 * is a pure function of the event, the state it starts from and the facts the guards of
 * that state read (as the guards read them, derived facts included): the machine has no
 * actions and its guards read nothing else. So the answer for the same event, state and
 * guard facts is the same, and the machine's reset and event (the costliest part of a
 * turn in a JFR profile) run only for a combination not seen before. The facts of a
 * person are never part of the key beyond the few values a guard compares; at most
 * {@value #MAX_REMEMBERED} answers are kept, and the store starts over when full.
 */
final class RememberedSteps implements TriageSteps {

	static final int MAX_REMEMBERED = 10_000;

	private static final String NEXT = "NEXT";

	private static final String CRISIS = "CRISIS";

	private final TriageSteps machine;

	/** per state: the facts its branches' guards read, in a fixed order */
	private final Map<String, List<String>> guardFacts = new HashMap<>();

	private final Map<List<String>, String> reached = new ConcurrentHashMap<>();

	RememberedSteps(TriageSteps machine, TriageScript script) {
		this.machine = machine;
		script.states().forEach((id, state) -> {
			Set<String> names = new TreeSet<>();
			for (TriageScript.NextDef next : state.next()) {
				if (next.when() != null) {
					names.addAll(FactGuards.factNames(FactGuards.compile(next.when())));
				}
			}
			guardFacts.put(id, List.copyOf(names));
		});
	}

	@Override
	public String next(String from, Map<String, String> facts) {
		return remembered(NEXT, from, guardFacts.getOrDefault(from, List.of()), facts, () -> machine.next(from, facts));
	}

	/** The crisis transitions have no guards: the state alone decides. */
	@Override
	public String crisis(String from, Map<String, String> facts) {
		return remembered(CRISIS, from, List.of(), facts, () -> machine.crisis(from, facts));
	}

	private String remembered(String event, String from, List<String> names, Map<String, String> facts,
			Supplier<String> step) {
		FactGuards.FactView view = new FactGuards.FactView(facts);
		List<String> key = new ArrayList<>(names.size() + 2);
		key.add(event);
		key.add(from);
		for (String name : names) {
			key.add(view.get(name));
		}
		String known = reached.get(key);
		if (known != null) {
			return known;
		}
		String target = step.get();
		if (reached.size() >= MAX_REMEMBERED) {
			reached.clear();
		}
		reached.put(key, target);
		return target;
	}

}
