package org.scoutline.dialogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.scoutline.conversation.Command;
import org.scoutline.conversation.Choice;

/**
 * Checks a triage script before it runs: every state reachable, no dead ends, every text
 * key present in every locale, every guard parsing, every reference resolving. Collects
 * every problem with its place, then refuses. The states are checked here, the action
 * plan by {@link PlanChecks}, the paths through the script by {@link PathChecks}.
 */
final class ScriptValidator {

	static final List<String> COMMANDS = Command.buttonWords();

	/** how ids of states, choices and plan sections are written */
	static final Pattern ID = Pattern.compile("[a-z0-9_]+");

	private static final Set<String> RISKS = Set.of("imminent", "high", "low");

	private static final int MAX_CHOICES = 13;

	private final TriageScript script;

	private final Texts texts;

	private final ScriptProblems problems;

	/**
	 * facts a guard may read: those the script's choices set, plus those the engine keeps
	 * or derives
	 */
	private final Set<String> knownFacts = new TreeSet<>(
			Set.of(Facts.RISK, Facts.RESUME_TO, Facts.MINOR_NOW, Facts.MINOR_IN_IMAGE));

	private ScriptValidator(String file, TriageScript script, Texts texts) {
		this.script = script;
		this.texts = texts;
		this.problems = new ScriptProblems(file, texts);
		script.states().values().forEach(state -> state.choices().forEach(c -> knownFacts.addAll(c.set().keySet())));
	}

	/**
	 * @throws InvalidScriptException listing every problem
	 */
	static void validate(String file, TriageScript script, Texts texts) {
		ScriptValidator validator = new ScriptValidator(file, script, texts);
		validator.run();
		validator.problems.refuseAny();
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
		new PlanChecks(problems, knownFacts).check(script.plan());
		if (script.states().values().stream().noneMatch(TriageScript.StateDef::showsPlan)) {
			problem("states", "no state has 'plan: true', so no conversation can ever get its action plan");
		}
		PathChecks paths = new PathChecks(script, problems);
		paths.checkReachable();
		paths.checkNoDeadEnds();
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
			state.choices()
				.stream()
				.filter(c -> c.command() == null)
				.forEach(c -> problem(place + ".choices." + c.id(), "choices of a plan state must run a command"));
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

	private void checkGuard(String place, String guard) {
		problems.checkGuard(place, guard, knownFacts);
	}

	private void checkText(String place, String key) {
		problems.checkText(place, key);
	}

	private void requireState(String place, String id) {
		if (id == null || script.state(id) == null) {
			problem(place, "unknown state '" + id + "'");
		}
	}

	private void problem(String place, String reason) {
		problems.add(place, reason);
	}

}
