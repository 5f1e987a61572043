package org.scoutline.dialogue;

import java.util.List;
import java.util.Map;

/**
 * An action plan as rendered for one combination of language, country and facts.
 *
 * @param first its first screen
 * @param sections the sections behind "More" that hold, in the script's order
 */
record RenderedPlan(PlanScreens.FirstScreen first, List<PlanScreens.Section> sections) {

	/**
	 * What a plan is made from.
	 *
	 * @param locale the conversation's language
	 * @param country the country the user chose, or {@code null}
	 * @param facts the facts (immutable; values from the script)
	 */
	record Key(String locale, String country, Map<String, String> facts) {
	}

}
