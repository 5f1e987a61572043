package org.scoutline.dialogue;

import java.util.Map;
import java.util.Objects;

/**
 * Where a conversation stands in the triage: what the dialogue needs and nothing else. Stored by the conversation
 * module between messages; no state machine lives on between messages.
 *
 * @param node the current state of the script
 * @param facts what was learned so far
 * @param locale the conversation's language
 */
public record TriageState(String node, Map<String, String> facts, String locale) {

	public TriageState {
		Objects.requireNonNull(node, "node");
		Objects.requireNonNull(locale, "locale");
		facts = Map.copyOf(facts);
	}

	/** @return the user's country code, or {@code null} */
	public String country() {
		return facts.get(Facts.COUNTRY);
	}

}
