package org.scoutline.handover;

/**
 * A user asked for a scout while a live session ran and was turned away. Published on the
 * instance where it happened.
 *
 * @param session the running session's occurrence key
 * @param reason why, in lower case: {@code queue_full}, {@code no_scout_checked_in},
 * {@code escalations_stopped} (the opening rule's reasons), {@code limited} (the person
 * asked too often) or {@code no_turn_yet} (asked before the conversation's first answer)
 * @param at epoch millis
 */
public record EscalationRefused(String session, String reason, long at) {

	/** the person asked for a scout too often in the last hour */
	public static final String LIMITED = "limited";

	/** the person asked before their conversation had its first answer */
	public static final String NO_TURN_YET = "no_turn_yet";

}
