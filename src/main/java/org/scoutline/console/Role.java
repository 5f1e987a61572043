package org.scoutline.console;

/** What a console account may do. */
enum Role {

	/** claims waiting chats and answers the chats assigned to them */
	SCOUT,
	/** sees every chat and the queue, gets crisis alerts, can take chats over */
	SUPERVISOR,
	/** manages accounts */
	COORDINATOR;

	String authority() {
		return "ROLE_" + name();
	}

}
