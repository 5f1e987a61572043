package org.scoutline.dialogue;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;

/**
 * The outcome of one step of the triage.
 *
 * @param state the state to keep
 * @param bubbles what the bot says, in order
 * @param choices the buttons to show now (empty: free text)
 * @param command a command the user chose that the caller carries out ({@code scout},
 * {@code restart}, {@code help}, {@code language}, {@code delete}, {@code plan}), or
 * {@code null}
 */
public record TriageTurn(TriageState state, List<Bubble> bubbles, List<Choice> choices, String command) {

	public TriageTurn {
		bubbles = List.copyOf(bubbles);
		choices = List.copyOf(choices);
	}

}
