package org.scoutline.dialogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.scoutline.conversation.Choice;
import org.scoutline.directory.Resource;

/**
 * Checks the action plan of a triage script ({@code plan:}): steps present, every text
 * key and guard of its intro, steps, what follows them and its sections, section ids
 * unique and free, directory kinds known.
 */
final class PlanChecks {

	private final ScriptProblems problems;

	/**
	 * facts the plan's guards may read: those of the script, plus those the engine
	 * derives from the directory
	 */
	private final Set<String> planFacts = new TreeSet<>(Set.of(Facts.PLATFORM_LISTED, Facts.PLATFORM_IN_HASH_TOOLS));

	/**
	 * @param knownFacts the facts any guard of the script may read
	 */
	PlanChecks(ScriptProblems problems, Set<String> knownFacts) {
		this.problems = problems;
		planFacts.addAll(knownFacts);
	}

	void check(TriageScript.Plan plan) {
		checkPlanSteps("plan.intro", plan.intro());
		checkPlanSteps("plan.steps", plan.steps());
		checkPlanSteps("plan.after", plan.after());
		if (plan.steps().isEmpty()) {
			problems.add("plan.steps", "the plan has no steps");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < plan.sections().size(); i++) {
			TriageScript.Section section = plan.sections().get(i);
			String place = "plan.sections[" + i + "]";
			if (section.id() == null || !ScriptValidator.ID.matcher(section.id()).matches()) {
				problems.add(place + ".id", "missing or not made of a-z, 0-9 and _");
			}
			else if (section.id().equals(Choice.PLAN_TEXT.substring(Choice.PLAN_PART.length()))) {
				problems.add(place + ".id", "'" + section.id() + "' is taken by the plan as plain text");
			}
			else if (!ids.add(section.id())) {
				problems.add(place + ".id", "duplicate section id '" + section.id() + "'");
			}
			problems.checkText(place + ".title", section.title());
			problems.checkText(place + ".more", section.more());
			if (section.when() != null) {
				problems.checkGuard(place + ".when", section.when(), planFacts);
			}
			if (section.parts().isEmpty()) {
				problems.add(place + ".parts", "a section needs at least one part");
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
		problems.checkText(place + ".text", step.text());
		if (step.when() != null) {
			problems.checkGuard(place + ".when", step.when(), planFacts);
		}
		if (step.resources() != null) {
			if (step.resources().kinds() == null || step.resources().kinds().isEmpty()) {
				problems.add(place + ".resources.kinds", "name at least one kind");
			}
			else {
				for (String kind : step.resources().kinds()) {
					if (!isKind(kind)) {
						problems.add(place + ".resources.kinds", "unknown kind '" + kind + "'");
					}
				}
			}
		}
	}

	private static boolean isKind(String kind) {
		for (Resource.Kind k : Resource.Kind.values()) {
			if (k.name().equalsIgnoreCase(kind)) {
				return true;
			}
		}
		return false;
	}

}
