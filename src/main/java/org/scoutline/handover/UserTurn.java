package org.scoutline.handover;

import org.scoutline.conversation.Turn;

/**
 * A user's turn decided by the handover's side.
 *
 * @param turn what to save and show
 * @param followUp what the handover does once it is saved
 */
public record UserTurn(Turn turn, FollowUp followUp) {

	/**
	 * @return a turn with nothing to do afterwards
	 */
	public static UserTurn of(Turn turn) {
		return new UserTurn(turn, FollowUp.NONE);
	}

}
