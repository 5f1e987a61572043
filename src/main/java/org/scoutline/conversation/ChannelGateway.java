package org.scoutline.conversation;

import java.util.List;

/**
 * Sends messages to a user on their own channel when nobody asked: a scout writes, the queue moves, a scout closes
 * the chat. Each channel adapter implements it; the handover finds the one for a conversation by its
 * {@link Conversation#channel()}. Implementations never throw for an unreachable user; they log the conversation id
 * and move on.
 */
public interface ChannelGateway {

	/** @return the channel this gateway speaks */
	Channel channel();

	/**
	 * @param conversation the user's conversation (its pseudonym and reply address say where to)
	 * @param bubbles what to show, in order ({@link Bubble.Kind#SCOUT} for what a scout wrote)
	 * @param choices the buttons to show now (empty: free text)
	 */
	void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices);

	/**
	 * Shows the user that someone who holds their chat is typing, where the channel has such a signal. Nothing of
	 * it is stored. The default does nothing (WhatsApp's Cloud API has no typing signal for business messages).
	 * @param conversation the user's conversation
	 * @param alias the first name or alias the user knows the scout by
	 */
	default void typing(Conversation conversation, String alias) {
	}

}
