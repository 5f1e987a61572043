package org.scoutline.dialogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The triage flow as read from {@code config/triage.yml} (see
 * {@code docs/triage-script.md}).
 */
record TriageScript(String start, String crisis, Map<String, StateDef> states, Plan plan) {

	static final String RESUME = "@resume";

	TriageScript {
		states = states == null ? Map.of() : states;
		plan = plan == null ? new Plan(null, null, null, null) : plan;
	}

	StateDef state(String id) {
		return states.get(id);
	}

	/**
	 * @return this script without the choices that set a language the organisation does
	 * not offer: the script names every language we have texts for, the setting
	 * {@code scoutline.dialogue.locales} picks the ones offered
	 */
	TriageScript offering(Set<String> locales) {
		Map<String, StateDef> kept = new LinkedHashMap<>();
		states.forEach((id, def) -> kept.put(id, def.offering(locales)));
		return new TriageScript(start, crisis, kept, plan);
	}

	record StateDef(List<String> say, String ask, List<ChoiceDef> choices, List<NextDef> next,
			@JsonProperty("plan") boolean showsPlan, String risk) {

		StateDef {
			say = say == null ? List.of() : say;
			choices = choices == null ? List.of() : choices;
			next = next == null ? List.of() : next;
		}

		StateDef offering(Set<String> locales) {
			List<ChoiceDef> offered = choices.stream()
				.filter(c -> !c.set().containsKey(Facts.LOCALE) || locales.contains(c.set().get(Facts.LOCALE)))
				.toList();
			return new StateDef(say, ask, offered, next, showsPlan, risk);
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

	/**
	 * The action plan ({@code docs/triage-script.md}): a first screen of an intro and a
	 * few numbered actions, then sections the user opens one by one.
	 *
	 * @param intro one line before the actions: the first entry whose {@code when} holds
	 * @param steps the numbered actions: every entry whose {@code when} holds, in order
	 * @param after bubbles after the actions (the check-in after a risk screen): every
	 * entry that holds
	 * @param sections the parts behind "More", each on its own
	 */
	record Plan(List<PlanStep> intro, List<PlanStep> steps, List<PlanStep> after, List<Section> sections) {

		Plan {
			intro = intro == null ? List.of() : intro;
			steps = steps == null ? List.of() : steps;
			after = after == null ? List.of() : after;
			sections = sections == null ? List.of() : sections;
		}

	}

	record PlanStep(String text, String when, ResourceRequest resources) {
	}

	/**
	 * @param id unique: [a-z0-9_]+
	 * @param title its title and button label (short: at most 20 characters)
	 * @param more how the "More" line names it ("how removal works")
	 * @param when when it is offered at all; it is offered only when one of its parts
	 * holds too
	 * @param parts its paragraphs: every entry whose {@code when} holds, in order
	 */
	record Section(String id, String title, String more, String when, List<PlanStep> parts) {

		Section {
			parts = parts == null ? List.of() : parts;
		}

	}

	/**
	 * @param kinds what to list
	 * @param limit the most entries (default 3)
	 * @param required whether the paragraph is left out when nothing fits (it only
	 * introduces the list)
	 */
	record ResourceRequest(List<String> kinds, Integer limit, boolean required) {

		int limitOrDefault() {
			return limit == null ? 3 : limit;
		}

	}

}
