package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scoutline.directory.Directory;
import org.scoutline.directory.ShippedDirectory;

/**
 * A plan is rendered once per language, country and facts: asked again it is the same
 * plan, and a plan made by a fresh {@link ActionPlan} (nothing kept) reads the same; any
 * other language, country or fact gives that plan, never the last one kept.
 */
class RenderedPlanTests {

	static final Directory directory = ShippedDirectory.load();

	private static ActionPlan fresh() {
		return new ActionPlan(ScriptLoader.load(TriageJourneyTests.settings.script()).plan(), directory,
				TriageJourneyTests.texts, new Advice(directory, TriageJourneyTests.texts));
	}

	private static TriageState state(String locale, String country, String age) {
		Map<String, String> facts = new HashMap<>(
				Map.of("situation", "A", "age", age, "paid", "no", "contact", "yes", "platform", "instagram"));
		facts.put("country", country);
		return new TriageState("plan", facts, locale);
	}

	@Test
	void askedAgainItIsTheSamePlanAndReadsAsAFreshOne() {
		ActionPlan plan = fresh();
		TriageState state = state("de", "DE", "13_15");
		PlanScreens.FirstScreen first = plan.firstScreen(state);
		assertThat(plan.firstScreen(state(("de"), "DE", "13_15"))).as("kept").isSameAs(first);
		assertThat(plan.summary(state)).isEqualTo(fresh().summary(state));
		assertThat(plan.bubbles(state, true)).isEqualTo(fresh().bubbles(state, true));
		assertThat(plan.choices(state)).isEqualTo(fresh().choices(state));
	}

	@Test
	void anotherLanguageCountryOrFactGetsItsOwnPlan() {
		ActionPlan plan = fresh();
		String german = plan.summary(state("de", "DE", "13_15"));
		assertThat(plan.summary(state("en", "DE", "13_15"))).isNotEqualTo(german)
			.isEqualTo(fresh().summary(state("en", "DE", "13_15")));
		assertThat(plan.summary(state("de", "AT", "13_15"))).isNotEqualTo(german)
			.isEqualTo(fresh().summary(state("de", "AT", "13_15")));
		assertThat(plan.summary(state("de", "DE", "18_25"))).isNotEqualTo(german)
			.isEqualTo(fresh().summary(state("de", "DE", "18_25")));
		assertThat(plan.summary(state("de", "DE", "13_15"))).isEqualTo(german);
	}

	@Test
	void theStoreStartsOverWhenFull() {
		ActionPlan plan = fresh();
		TriageState first = state("de", "DE", "13_15");
		PlanScreens.FirstScreen kept = plan.firstScreen(first);
		for (int i = 0; i < ActionPlan.REMEMBERED; i++) {
			Map<String, String> facts = new HashMap<>(first.facts());
			facts.put("resume_to", "n" + i);
			plan.firstScreen(new TriageState("plan", facts, "de"));
		}
		assertThat(plan.firstScreen(first)).as("rendered anew after the store started over")
			.isNotSameAs(kept)
			.isEqualTo(kept);
	}

}
