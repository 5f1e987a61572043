package org.scoutline.dialogue;

import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.CrisisSignal;

import java.util.Map;
import java.util.Objects;

/**
 * Where a conversation stands in the triage: what the dialogue needs and nothing else.
 * Stored by the conversation module between messages (node, facts, locale); no state
 * machine lives on between messages.
 *
 * @param node the current state of the script
 * @param facts what was learned so far
 * @param locale the conversation's language
 * @param countryHint the channel's guess of the user's country for the message being
 * handled, or {@code null}: never a fact, never stored, and the country the user chose
 * ({@link #country()}) always wins
 */
public record TriageState(String node, Map<String, String> facts, String locale, String countryHint) {

	public TriageState {
		Objects.requireNonNull(node, "node");
		Objects.requireNonNull(locale, "locale");
		facts = Map.copyOf(facts);
	}

	/** A state without a guess of the country. */
	public TriageState(String node, Map<String, String> facts, String locale) {
		this(node, facts, locale, null);
	}

	/**
	 * @return the user's country code, as they chose it, or {@code null}
	 */
	public String country() {
		return facts.get(Facts.COUNTRY);
	}

	/**
	 * @return where {@code conversation} stands in the triage
	 */
	public static TriageState of(Conversation conversation) {
		return new TriageState(conversation.node(), conversation.facts(), conversation.locale());
	}

	/**
	 * @return {@code conversation} at this state; a crisis signal on record stays there
	 * through anything the dialogue does, a restart included
	 */
	public Conversation appliedTo(Conversation conversation) {
		return conversation.withDialogue(locale, node, CrisisSignal.carried(conversation.facts(), facts));
	}

	/**
	 * @return the same state with the channel's guess of the country for this message
	 * ({@code null}: none)
	 */
	public TriageState withCountryHint(String hint) {
		return new TriageState(node, facts, locale, hint);
	}

	/**
	 * @return another place in the script with other facts, keeping the language and the
	 * guess
	 */
	TriageState at(String newNode, Map<String, String> newFacts) {
		return new TriageState(newNode, newFacts, locale, countryHint);
	}

	/**
	 * Names the node and the language only: facts and the guessed country stay out of
	 * logs.
	 */
	@Override
	public String toString() {
		return "TriageState[node=" + node + ", locale=" + locale + "]";
	}

}
