package org.scoutline.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one triage script, each with its file and place, and the checks
 * every part of a script shares: a text key present in every locale, a guard that parses
 * and reads only facts that are known.
 */
final class ScriptProblems {

	private final String file;

	private final Texts texts;

	private final List<String> problems = new ArrayList<>();

	ScriptProblems(String file, Texts texts) {
		this.file = file;
		this.texts = texts;
	}

	void add(String place, String reason) {
		problems.add(file + ": " + place + ": " + reason);
	}

	/**
	 * @throws InvalidScriptException listing every problem, if there is one
	 */
	void refuseAny() {
		if (!problems.isEmpty()) {
			throw new InvalidScriptException(problems);
		}
	}

	void checkText(String place, String key) {
		if (key == null) {
			add(place, "a text key is missing");
			return;
		}
		for (String locale : texts.locales()) {
			if (!texts.has(locale, key)) {
				add(place,
						"text '" + key + "' is missing in locale '" + locale + "' (config/texts/" + locale + ".yml)");
			}
		}
	}

	/**
	 * @param known the facts the guard may read
	 */
	void checkGuard(String place, String guard, Set<String> known) {
		try {
			for (String name : FactGuards.factNames(FactGuards.compile(guard))) {
				if (!known.contains(name)) {
					add(place,
							"guard '" + guard + "' reads '" + name + "', which no choice sets (known: " + known + ")");
				}
			}
		}
		catch (IllegalArgumentException ex) {
			add(place, "guard '" + guard + "' " + ex.getMessage());
		}
	}

}
