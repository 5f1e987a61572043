package org.scoutline.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * One turn as decided in memory, before anything is saved or sent.
 *
 * @param conversation the conversation to save
 * @param transcript the lines to append to its transcript
 * @param shown what the user sees now, in order
 * @param choices the buttons to show now (empty: free text)
 */
public record Turn(Conversation conversation, List<TranscriptEntry> transcript, List<Bubble> shown,
		List<Choice> choices) {

	public Turn {
		transcript = List.copyOf(transcript);
		shown = List.copyOf(shown);
		choices = List.copyOf(choices);
	}

	/**
	 * @param foldsSections whether the channel shows the plan's sections folded inside
	 * the plan (the web widget); messengers get them one at a time through the plan's
	 * choices instead, so they are neither sent nor kept there
	 * @return the turn as the user's channel shows it
	 */
	public Turn forChannel(boolean foldsSections) {
		if (foldsSections) {
			return this;
		}
		return new Turn(conversation, transcript.stream().filter(line -> line.kind() != Bubble.Kind.SECTION).toList(),
				shown.stream().filter(bubble -> bubble.kind() != Bubble.Kind.SECTION).toList(), choices);
	}

	/**
	 * @return the turn with {@code before} shown first and {@code after} last (not added
	 * to the transcript)
	 */
	public Turn around(List<Bubble> before, List<Bubble> after) {
		List<Bubble> all = new ArrayList<>(before);
		all.addAll(shown);
		all.addAll(after);
		return new Turn(conversation, transcript, all, choices);
	}

	/**
	 * @return the same turn for {@code other} (the same conversation, changed)
	 */
	public Turn with(Conversation other) {
		return new Turn(other, transcript, shown, choices);
	}

	/**
	 * @return the turn with other buttons
	 */
	public Turn withChoices(List<Choice> other) {
		return new Turn(conversation, transcript, shown, other);
	}

}
