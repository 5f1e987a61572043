package org.scoutline.dialogue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The triage flow as read from {@code config/triage.yml} (see {@code docs/triage-script.md}).
 */
record TriageScript(String start, String crisis, Map<String, StateDef> states, List<PlanStep> plan) {

	static final String RESUME = "@resume";

	TriageScript {
		states = states == null ? Map.of() : states;
		plan = plan == null ? List.of() : plan;
	}

	StateDef state(String id) {
		return states.get(id);
	}

	record StateDef(List<String> say, String ask, List<ChoiceDef> choices, List<NextDef> next,
			@JsonProperty("plan") boolean showsPlan, String risk) {

		StateDef {
			say = say == null ? List.of() : say;
			choices = choices == null ? List.of() : choices;
			next = next == null ? List.of() : next;
		}

		boolean asks() {
			return ask != null;
		}

		boolean passesThrough() {
			return ask == null && !showsPlan;
		}

	}

	record ChoiceDef(String id, String label, Map<String, String> set, List<String> aliases, String command) {

		ChoiceDef {
			set = set == null ? Map.of() : set;
			aliases = aliases == null ? List.of() : aliases;
		}

	}

	record NextDef(String to, String when) {
	}

	record PlanStep(String text, String when, ResourceRequest resources) {
	}

	record ResourceRequest(List<String> kinds, Integer limit) {

		int limitOrDefault() {
			return limit == null ? 3 : limit;
		}

	}

}
