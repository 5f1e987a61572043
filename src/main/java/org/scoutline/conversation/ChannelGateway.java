package org.scoutline.conversation;

import java.time.Instant;
import java.util.List;

/**
 * Sends messages to a user on their own channel when nobody asked: a scout writes, the
 * queue moves, a scout closes the chat. Each channel adapter implements it; the handover
 * finds the one for a conversation by its {@link Conversation#channel()}. Implementations
 * never throw for an unreachable user; they log the conversation id and move on.
 */
public interface ChannelGateway {

	/**
	 * @return the channel this gateway speaks
	 */
	Channel channel();

	/**
	 * @param conversation the user's conversation (its pseudonym and reply address say
	 * where to)
	 * @param bubbles what to show, in order ({@link Bubble.Kind#SCOUT} for what a scout
	 * wrote)
	 * @param choices the buttons to show now (empty: free text)
	 */
	void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices);

	/**
	 * Like {@link #deliver(Conversation, List, List)}, for a channel that numbers what it
	 * sends so that it can resume after a lost connection (the widget).
	 * @param seq the number of the last transcript line among {@code bubbles} (see
	 * {@link Conversation#lines()}), {@code 0} when they are not in the transcript (the
	 * queue position)
	 */
	default void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices, long seq) {
		deliver(conversation, bubbles, choices);
	}

	/**
	 * Shows the user that someone who holds their chat is typing, where the channel has
	 * such a signal. Nothing of it is stored. The default does nothing (WhatsApp's Cloud
	 * API has no typing signal for business messages).
	 * @param conversation the user's conversation
	 * @param alias the first name or alias the user knows the scout by
	 */
	default void typing(Conversation conversation, String alias) {
	}

	/**
	 * @return whether a message the user did not just ask for (a reminder they opted in
	 * to) can reach them at {@code at}; WhatsApp allows it only within 24 hours of the
	 * user's last message or with an approved template
	 */
	default boolean canRemind(Conversation conversation, Instant at) {
		return true;
	}

	/**
	 * Sends a reminder the user opted in to, where the channel allows it now. Its
	 * {@code bubbles} were just stored: the last of them is line
	 * {@link Conversation#lines()} of the transcript.
	 * @return whether it went out
	 */
	default boolean remind(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		deliver(conversation, bubbles, choices);
		return true;
	}

}
