package org.scoutline.handover;

import java.util.Optional;

/**
 * A chat in a live session has a crisis for the first time: a crisis signal when it
 * joined the queue, while it waited or while a scout had it, or the scout closed it as
 * referred to crisis help. Published once per chat, on the instance where it happened;
 * nothing about the person, not even the conversation id.
 *
 * @param session the occurrence key of the live session the chat waited in
 * @param at epoch millis
 */
public record CrisisSignalled(String session, long at) {

	/** the outcome a scout chooses when they referred the user to crisis help */
	public static final String CRISIS_REFERRED = "crisis_referred";

	/**
	 * @return the event when a scout closed a chat of a live session as referred to
	 * crisis help and it had no crisis flag yet, else nothing
	 */
	static Optional<CrisisSignalled> referred(String outcome, ChatState state, long at) {
		boolean first = CRISIS_REFERRED.equals(outcome) && !state.crisis() && state.session() != null;
		return first ? Optional.of(new CrisisSignalled(state.session(), at)) : Optional.empty();
	}

}
