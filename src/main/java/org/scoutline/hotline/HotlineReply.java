package org.scoutline.hotline;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Turn;

/**
 * What to send back on the user's channel.
 *
 * @param conversation the conversation, or {@code null} when none exists (refused or
 * erased)
 * @param locale the language to render in
 * @param bubbles what to say, in order
 * @param choices the buttons to show now
 * @param outcome what happened to the message
 * @param seq the number of the last transcript line the turn stored (see
 * {@link org.scoutline.conversation.Conversation#lines()}), {@code 0} when it stored none
 */
public record HotlineReply(ConversationId conversation, String locale, List<Bubble> bubbles, List<Choice> choices,
		Outcome outcome, long seq) {

	public enum Outcome {

		/** handled and saved */
		ANSWERED,
		/** refused because the text is longer than allowed; nothing stored */
		TOO_LONG,
		/** could not be handled now (storage busy or down); nothing stored */
		UNAVAILABLE,
		/** a replay of a message already handled: send nothing */
		DUPLICATE,
		/** nothing to answer (an edit without a crisis signal): send nothing */
		IGNORED,
		/** every key about the user was erased */
		ERASED

	}

	public HotlineReply {
		bubbles = List.copyOf(bubbles);
		choices = List.copyOf(choices);
	}

	/** A reply that stored no transcript line. */
	public HotlineReply(ConversationId conversation, String locale, List<Bubble> bubbles, List<Choice> choices,
			Outcome outcome) {
		this(conversation, locale, bubbles, choices, outcome, 0);
	}

	/**
	 * @return whether the channel sends nothing back
	 */
	public boolean sendsNothing() {
		return outcome == Outcome.DUPLICATE || outcome == Outcome.IGNORED;
	}

	/**
	 * @param turn the turn as saved (its conversation as the store holds it now)
	 * @return the answer to it
	 */
	static HotlineReply of(Turn turn) {
		return new HotlineReply(turn.conversation().id(), turn.conversation().locale(), turn.shown(), turn.choices(),
				Outcome.ANSWERED, turn.transcript().isEmpty() ? 0 : turn.conversation().lines());
	}

	static HotlineReply ignored() {
		return new HotlineReply(null, null, List.of(), List.of(), Outcome.IGNORED);
	}

	static HotlineReply duplicate() {
		return new HotlineReply(null, null, List.of(), List.of(), Outcome.DUPLICATE);
	}

}
