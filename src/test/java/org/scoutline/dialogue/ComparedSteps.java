package org.scoutline.dialogue;

import java.util.Map;
import java.util.Set;

/**
 * The triage's steps, switchable at run time between the application's standard steps
 * ({@link TriageSteps#standard}) and the library's reference recipe
 * ({@link RecipeSteps}), for the widget load benchmark's side-by-side run.
 */
public final class ComparedSteps implements TriageSteps.Maker {

	/** the pseudonym of the person whose turn this thread handles */
	private static final ThreadLocal<String> CONVERSATION = new ThreadLocal<>();

	private final RedisContextPersist store;

	private volatile boolean recipe;

	ComparedSteps(RedisContextPersist store) {
		this.store = store;
	}

	/**
	 * @param on whether the following steps are done the recipe's way
	 */
	public void useRecipe(boolean on) {
		this.recipe = on;
	}

	static void handling(String pseudonym) {
		CONVERSATION.set(pseudonym);
	}

	static String conversation() {
		String pseudonym = CONVERSATION.get();
		if (pseudonym == null) {
			throw new IllegalStateException("no conversation is being handled on this thread");
		}
		return pseudonym;
	}

	@Override
	public TriageSteps make(TriageScript script, Set<String> riskScreen) {
		TriageSteps ours = TriageSteps.standard(script, riskScreen);
		RecipeSteps documented = new RecipeSteps(script, riskScreen, store);
		return new TriageSteps() {

			@Override
			public String next(String from, Map<String, String> facts) {
				return recipe ? documented.next(from, facts) : ours.next(from, facts);
			}

			@Override
			public String crisis(String from, Map<String, String> facts) {
				return recipe ? documented.crisis(from, facts) : ours.crisis(from, facts);
			}

		};
	}

}
