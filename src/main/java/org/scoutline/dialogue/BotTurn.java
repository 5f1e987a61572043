package org.scoutline.dialogue;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Turn;

/** What the bot decided for one message in the triage. */
public sealed interface BotTurn {

	/**
	 * The bot answered.
	 *
	 * @param turn what to save and show
	 * @param state where the triage stands after it
	 * @param asksForScout whether the user asked for a peer scout (the caller decides
	 * whether one can come)
	 */
	record Answered(Turn turn, TriageState state, boolean asksForScout) implements BotTurn {
	}

	/**
	 * The user asked to erase everything about them.
	 *
	 * @param locale the language of the confirmation
	 * @param done the confirmation
	 */
	record Erased(String locale, Bubble done) implements BotTurn {
	}

}
