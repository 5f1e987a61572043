package org.scoutline.hotline;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.TranscriptEntry;

/**
 * What a channel shows when a user opens it (the web widget on page load).
 *
 * @param locale the conversation's language
 * @param history the conversation so far, oldest first (empty for a new user)
 * @param welcome the welcome to show a new user (not stored until they answer), empty for
 * a known one
 * @param choices the buttons to show now
 * @param withScout whether a scout holds the chat now (the widget then signals typing)
 */
public record Opening(String locale, List<TranscriptEntry> history, List<Bubble> welcome, List<Choice> choices,
		boolean withScout) {

	public Opening {
		history = List.copyOf(history);
		welcome = List.copyOf(welcome);
		choices = List.copyOf(choices);
	}

	public Opening(String locale, List<TranscriptEntry> history, List<Bubble> welcome, List<Choice> choices) {
		this(locale, history, welcome, choices, false);
	}

}
