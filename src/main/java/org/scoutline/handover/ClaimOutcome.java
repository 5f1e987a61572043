package org.scoutline.handover;

/** What became of a claim or a transfer. */
public enum ClaimOutcome {

	/** the chat is now yours (or the receiver's) */
	OK,
	/** you already have it */
	MINE,
	/** another scout has it */
	TAKEN,
	/** it is no longer waiting: the user left, deleted their data, or it was closed */
	GONE,
	/** you (or the receiver) already hold as many chats as allowed */
	FULL

}
