package org.scoutline.conversation;

/** Who answers a conversation right now. */
public enum Mode {

	/** the triage bot */
	BOT,
	/** waiting for a scout */
	QUEUED,
	/** a scout is chatting; the bot is silent */
	WITH_SCOUT,
	/** closed by a scout; the bot takes over again on the next message */
	CLOSED,
	/**
	 * outside live sessions: what the user writes is kept for the scouts, and joins the
	 * queue at the next opening
	 */
	PARKED

}
