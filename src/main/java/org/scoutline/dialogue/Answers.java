package org.scoutline.dialogue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the user's answer to a question: the choice tapped or typed (typed text matches a
 * choice's alias or its label in any language, ignoring case and punctuation, or its
 * number), and where the conversation stands once the choice is taken.
 */
final class Answers {

	private final Texts texts;

	Answers(Texts texts) {
		this.texts = texts;
	}

	/**
	 * @param choiceId the id of a tapped button, or {@code null} for typed text
	 * @param text typed text, or {@code null}
	 */
	Optional<TriageScript.ChoiceDef> find(TriageScript.StateDef state, String choiceId, String text) {
		return choiceId != null ? byId(state, choiceId) : byText(state, text);
	}

	/**
	 * @return the state with the facts the choice sets, in the language it sets (if it
	 * sets one)
	 */
	TriageState taken(TriageState state, TriageScript.ChoiceDef choice) {
		Map<String, String> facts = new HashMap<>(state.facts());
		facts.putAll(choice.set());
		String locale = texts.supported(facts.getOrDefault(Facts.LOCALE, state.locale()));
		facts.remove(Facts.LOCALE);
		return new TriageState(state.node(), facts, locale, state.countryHint());
	}

	static Optional<TriageScript.ChoiceDef> byId(TriageScript.StateDef state, String id) {
		return state.choices().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	private Optional<TriageScript.ChoiceDef> byText(TriageScript.StateDef state, String text) {
		if (text == null) {
			return Optional.empty();
		}
		String typed = normalized(text);
		if (typed.isEmpty()) {
			return Optional.empty();
		}
		List<TriageScript.ChoiceDef> choices = state.choices();
		for (TriageScript.ChoiceDef choice : choices) {
			if (choice.aliases().stream().anyMatch(alias -> normalized(alias).equals(typed))
					|| texts.locales().stream().anyMatch(l -> normalized(texts.get(l, choice.label())).equals(typed))) {
				return Optional.of(choice);
			}
		}
		if (typed.matches("\\d{1,2}")) {
			int index = Integer.parseInt(typed) - 1;
			return index >= 0 && index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
		}
		return Optional.empty();
	}

	private static String normalized(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").replaceAll("\\s+", " ").strip();
	}

}
