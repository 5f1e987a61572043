package org.scoutline.dialogue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.scoutline.conversation.Command;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Resource;

/**
 * Checks a triage script before it runs: every state reachable, no dead ends, every text key present in every
 * locale, every guard parsing, every reference resolving. Collects every problem with its place, then refuses.
 */
final class ScriptValidator {

	static final List<String> COMMANDS = Command.buttonWords();

	private static final Pattern ID = Pattern.compile("[a-z0-9_]+");

	private static final Set<String> RISKS = Set.of("imminent", "high", "low");

	private static final int MAX_CHOICES = 13;

	private final String file;

	private final TriageScript script;

	private final Texts texts;

	private final List<String> problems = new ArrayList<>();

	/** facts a guard may read: those the script's choices set, plus those the engine keeps or derives */
	private final Set<String> knownFacts = new TreeSet<>(
			Set.of(Facts.RISK, Facts.RESUME_TO, Facts.MINOR_NOW, Facts.MINOR_IN_IMAGE));

	/** facts only the action plan's guards may read: the engine derives them from the directory */
	private final Set<String> planFacts = new TreeSet<>(Set.of(Facts.PLATFORM_LISTED, Facts.PLATFORM_IN_HASH_TOOLS));

	private ScriptValidator(String file, TriageScript script, Texts texts) {
		this.file = file;
		this.script = script;
		this.texts = texts;
		script.states().values().forEach(state -> state.choices().forEach(c -> knownFacts.addAll(c.set().keySet())));
		planFacts.addAll(knownFacts);
	}

	/** @throws InvalidScriptException listing every problem */
	static void validate(String file, TriageScript script, Texts texts) {
		ScriptValidator validator = new ScriptValidator(file, script, texts);
		validator.run();
		if (!validator.problems.isEmpty()) {
			throw new InvalidScriptException(validator.problems);
		}
	}

	private void run() {
		if (script.states().isEmpty()) {
			problem("states", "no states defined");
			return;
		}
		requireState("start", script.start());
		if (script.crisis() != null) {
			requireState("crisis", script.crisis());
		}
		script.states().forEach(this::checkState);
		checkPlan(script.plan());
		if (script.states().values().stream().noneMatch(TriageScript.StateDef::showsPlan)) {
			problem("states", "no state has 'plan: true', so no conversation can ever get its action plan");
		}
		checkReachable();
		checkNoDeadEnds();
		for (String key : Texts.SYSTEM_KEYS) {
			checkText("(used by the app)", key);
		}
	}

	private void checkState(String id, TriageScript.StateDef state) {
		String place = "states." + id;
		if (!ID.matcher(id).matches()) {
			problem(place, "state ids may only use a-z, 0-9 and _");
		}
		for (int i = 0; i < state.say().size(); i++) {
			checkText(place + ".say[" + i + "]", state.say().get(i));
		}
		if (state.asks()) {
			checkText(place + ".ask", state.ask());
		}
		if (state.asks() || state.showsPlan() && !state.choices().isEmpty()) {
			checkChoices(place, state);
		}
		else if (!state.choices().isEmpty()) {
			problem(place + ".choices", "choices need a question ('ask'); only a plan state offers them without one");
		}
		if (state.risk() != null && !RISKS.contains(state.risk())) {
			problem(place + ".risk", "must be one of " + RISKS + ", was '" + state.risk() + "'");
		}
		if (state.showsPlan()) {
			if (!state.next().isEmpty()) {
				problem(place + ".next", "a plan state is final and has no 'next'");
			}
			state.choices().stream().filter(c -> c.command() == null).forEach(c -> problem(
					place + ".choices." + c.id(), "choices of a plan state must run a command"));
		}
		else {
			checkNext(place, state.next());
		}
	}

	private void checkChoices(String place, TriageScript.StateDef state) {
		if (state.choices().isEmpty()) {
			problem(place + ".choices", "a question needs at least one choice");
		}
		if (state.choices().size() > MAX_CHOICES) {
			problem(place + ".choices", "at most " + MAX_CHOICES + " choices, found " + state.choices().size());
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < state.choices().size(); i++) {
			TriageScript.ChoiceDef choice = state.choices().get(i);
			String at = place + ".choices[" + i + "]";
			if (choice.id() == null || !ID.matcher(choice.id()).matches()) {
				problem(at + ".id", "missing or not made of a-z, 0-9 and _");
			}
			else if (choice.id().startsWith(Choice.PLAN_PART)) {
				problem(at + ".id", "ids starting with '" + Choice.PLAN_PART + "' are the plan's own (its sections)");
			}
			else if (!ids.add(choice.id())) {
				problem(at + ".id", "duplicate choice id '" + choice.id() + "'");
			}
			checkText(at + ".label", choice.label());
			if (choice.command() != null && !COMMANDS.contains(choice.command())) {
				problem(at + ".command", "unknown command '" + choice.command() + "', expected one of " + COMMANDS);
			}
			if (choice.command() != null && !choice.set().isEmpty()) {
				problem(at, "a choice either runs a command or sets facts, not both");
			}
			String locale = choice.set().get(Facts.LOCALE);
			if (locale != null && !texts.locales().contains(locale)) {
				problem(at + ".set.locale", "'" + locale + "' is not one of the locales " + texts.locales());
			}
		}
	}

	private void checkNext(String place, List<TriageScript.NextDef> next) {
		if (next.isEmpty()) {
			problem(place + ".next", "dead end: the state has no 'next' and is not a plan state");
			return;
		}
		for (int i = 0; i < next.size(); i++) {
			TriageScript.NextDef entry = next.get(i);
			String at = place + ".next[" + i + "]";
			if (TriageScript.RESUME.equals(entry.to())) {
				if (script.crisis() == null) {
					problem(at + ".to", "'@resume' needs a 'crisis' entry state");
				}
			}
			else if (entry.to() == null || script.state(entry.to()) == null) {
				problem(at + ".to", "unknown state '" + entry.to() + "'");
			}
			if (entry.when() != null) {
				checkGuard(at + ".when", entry.when());
			}
			else if (i < next.size() - 1) {
				problem(at + ".when", "only the last entry may go without 'when'; the entries after it never run");
			}
		}
		if (next.get(next.size() - 1).when() != null) {
			problem(place + ".next[" + (next.size() - 1) + "].when",
					"the last entry must have no 'when', or the conversation can get stuck here");
		}
	}

	private void checkPlan(TriageScript.Plan plan) {
		checkPlanSteps("plan.intro", plan.intro());
		checkPlanSteps("plan.steps", plan.steps());
		checkPlanSteps("plan.after", plan.after());
		if (plan.steps().isEmpty()) {
			problem("plan.steps", "the plan has no steps");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < plan.sections().size(); i++) {
			TriageScript.Section section = plan.sections().get(i);
			String place = "plan.sections[" + i + "]";
			if (section.id() == null || !ID.matcher(section.id()).matches()) {
				problem(place + ".id", "missing or not made of a-z, 0-9 and _");
			}
			else if (section.id().equals(Choice.PLAN_TEXT.substring(Choice.PLAN_PART.length()))) {
				problem(place + ".id", "'" + section.id() + "' is taken by the plan as plain text");
			}
			else if (!ids.add(section.id())) {
				problem(place + ".id", "duplicate section id '" + section.id() + "'");
			}
			checkText(place + ".title", section.title());
			checkText(place + ".more", section.more());
			if (section.when() != null) {
				checkGuard(place + ".when", section.when(), planFacts);
			}
			if (section.parts().isEmpty()) {
				problem(place + ".parts", "a section needs at least one part");
			}
			checkPlanSteps(place + ".parts", section.parts());
		}
	}

	private void checkPlanSteps(String place, List<TriageScript.PlanStep> steps) {
		for (int i = 0; i < steps.size(); i++) {
			checkPlanStep(place + "[" + i + "]", steps.get(i));
		}
	}

	private void checkPlanStep(String place, TriageScript.PlanStep step) {
		checkText(place + ".text", step.text());
		if (step.when() != null) {
			checkGuard(place + ".when", step.when(), planFacts);
		}
		if (step.resources() != null) {
			if (step.resources().kinds() == null || step.resources().kinds().isEmpty()) {
				problem(place + ".resources.kinds", "name at least one kind");
			}
			else {
				for (String kind : step.resources().kinds()) {
					if (!isKind(kind)) {
						problem(place + ".resources.kinds", "unknown kind '" + kind + "'");
					}
				}
			}
		}
	}

	private void checkGuard(String place, String guard) {
		checkGuard(place, guard, knownFacts);
	}

	private void checkGuard(String place, String guard, Set<String> known) {
		try {
			for (String name : FactGuards.factNames(FactGuards.compile(guard))) {
				if (!known.contains(name)) {
					problem(place, "guard '" + guard + "' reads '" + name + "', which no choice sets (known: "
							+ known + ")");
				}
			}
		}
		catch (IllegalArgumentException ex) {
			problem(place, "guard '" + guard + "' " + ex.getMessage());
		}
	}

	private void checkText(String place, String key) {
		if (key == null) {
			problem(place, "a text key is missing");
			return;
		}
		for (String locale : texts.locales()) {
			if (!texts.has(locale, key)) {
				problem(place, "text '" + key + "' is missing in locale '" + locale + "' (config/texts/" + locale
						+ ".yml)");
			}
		}
	}

	private void requireState(String place, String id) {
		if (id == null || script.state(id) == null) {
			problem(place, "unknown state '" + id + "'");
		}
	}

	private void checkReachable() {
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
		script.states().keySet().stream().filter(id -> !reached.contains(id)).sorted()
			.forEach(id -> problem("states." + id, "unreachable: no path leads here from '" + script.start() + "'"));
	}

	private void checkNoDeadEnds() {
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
		script.states().keySet().stream().filter(id -> !reachesPlan.contains(id)).sorted()
			.forEach(id -> problem("states." + id, "dead end: no path leads from here to an action plan"));
	}

	private static boolean leadsToPlan(TriageScript.StateDef state, Set<String> reachesPlan) {
		return state.showsPlan() || state.next().stream()
			.anyMatch(n -> TriageScript.RESUME.equals(n.to()) || reachesPlan.contains(n.to()));
	}

	private static boolean isKind(String kind) {
		for (Resource.Kind k : Resource.Kind.values()) {
			if (k.name().equalsIgnoreCase(kind)) {
				return true;
			}
		}
		return false;
	}

	private void problem(String place, String reason) {
		problems.add(file + ": " + place + ": " + reason);
	}

}
