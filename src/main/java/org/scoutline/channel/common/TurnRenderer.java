package org.scoutline.channel.common;

import org.scoutline.hotline.HotlineReply;

/**
 * How one channel shows a user what the hotline answered, bound to that user's chat (a
 * socket, a Telegram chat, a WhatsApp number). {@link InboundTurns} calls it; the channel
 * decides the wire format.
 *
 * @param <E> what sending on the channel may throw
 */
public interface TurnRenderer<E extends Exception> {

	/**
	 * Sends a reply; never called for one that {@linkplain HotlineReply#sendsNothing()
	 * sends nothing}.
	 */
	void reply(HotlineReply reply) throws E;

	/**
	 * Tells the user that their last message could not be handled and asks them to send
	 * it again.
	 * @param notice the text, in {@link #locale()}
	 */
	void unavailable(String notice) throws E;

	/**
	 * @return whether this renders an arrival that was tried before (the intake's retry,
	 * or a take-over after a crash): a turn found saved already may not have reached the
	 * user, so its answer is sent again
	 */
	default boolean sendsAgain() {
		return false;
	}

	/**
	 * @return the user's language as far as the channel knows it, {@code null} for the
	 * default
	 */
	default String locale() {
		return null;
	}

}
