package org.scoutline.schedule;

/** Why the hotline takes no new escalation right now, checked in this order. */
public enum ClosedReason {

	/** No live session is running. */
	NO_SESSION,

	/** A session runs, but it is in its last minutes: new escalations have stopped. */
	ESCALATIONS_STOPPED,

	/** A session runs, but none of its rostered scouts is checked in. */
	NO_SCOUT_CHECKED_IN,

	/** The session's queue is at its maximum length. */
	QUEUE_FULL

}
