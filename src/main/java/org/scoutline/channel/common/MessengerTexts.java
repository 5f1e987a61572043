package org.scoutline.channel.common;

import java.util.ArrayList;
import java.util.List;

import org.scoutline.conversation.Bubble;

/**
 * How bubbles become messenger messages: one message per bubble, except that the numbered
 * steps of an action plan go into one message ("1. …", the reason indented below), and
 * the plan's folded sections are left out (a messenger offers them as choices instead),
 * and what a scout wrote starts with their alias ("Lena: …").
 */
public final class MessengerTexts {

	private MessengerTexts() {
	}

	/**
	 * @return the text of each message to send, in order
	 */
	public static List<String> of(List<Bubble> bubbles) {
		List<String> texts = new ArrayList<>();
		StringBuilder steps = null;
		int number = 0;
		for (Bubble bubble : bubbles) {
			if (bubble.kind() == Bubble.Kind.SECTION) {
				continue;
			}
			if (bubble.kind() == Bubble.Kind.PLAN) {
				steps = steps == null ? new StringBuilder() : steps.append("\n\n");
				steps.append(++number).append(". ").append(bubble.text().strip().replace("\n", "\n    "));
				continue;
			}
			if (steps != null) {
				texts.add(steps.toString());
				steps = null;
				number = 0;
			}
			texts.add(bubble.kind() == Bubble.Kind.SCOUT && bubble.name() != null ? bubble.name() + ": " + bubble.text()
					: bubble.text());
		}
		if (steps != null) {
			texts.add(steps.toString());
		}
		return texts;
	}

}
