package org.scoutline.hotline;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.TranscriptEntry;

/**
 * What a channel shows when a user opens it (the web widget on page load).
 *
 * @param locale the conversation's language
 * @param history the conversation so far, oldest first (empty for a new user), or when
 * {@code resumed} only the lines after the one the channel asked for
 * @param welcome the welcome to show a new user (not stored until they answer), empty for
 * a known one
 * @param choices the buttons to show now
 * @param withScout whether a scout holds the chat now (the widget then signals typing)
 * @param seq the number of the conversation's last transcript line ({@code 0}: none), so
 * line {@code i} of {@code history} is number {@code seq - history.size() + 1 + i}
 * @param resumed whether {@code history} holds exactly the lines after the one asked for
 * (else it is the conversation's recent history, to show from scratch)
 */
public record Opening(String locale, List<TranscriptEntry> history, List<Bubble> welcome, List<Choice> choices,
		boolean withScout, long seq, boolean resumed) {

	public Opening {
		history = List.copyOf(history);
		welcome = List.copyOf(welcome);
		choices = List.copyOf(choices);
	}

	public Opening(String locale, List<TranscriptEntry> history, List<Bubble> welcome, List<Choice> choices) {
		this(locale, history, welcome, choices, false, 0, false);
	}

}
