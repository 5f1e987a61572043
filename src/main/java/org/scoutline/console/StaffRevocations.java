package org.scoutline.console;

import org.scoutline.handover.DutyChanges;
import org.scoutline.handover.Presence;
import org.scoutline.handover.ScoutSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes a staff member's access away at once when a coordinator disables the account or
 * resets its password: their presence ends (nobody is promised a scout who is gone), the
 * chats they hold go back to the queue with an honest notice to each user, and every
 * console and login they have open ends, on every instance. When nobody is on duty after
 * that, the users waiting are told so ({@link DutyChanges}). A new login is refused by
 * the account's state; CONNECT checks it too.
 */
@Component
class StaffRevocations {

	private static final Logger log = LoggerFactory.getLogger(StaffRevocations.class);

	private final Presence presence;

	private final ScoutSide scouts;

	private final StaffSessions sessions;

	private final DutyChanges duty;

	StaffRevocations(Presence presence, ScoutSide scouts, StaffSessions sessions, DutyChanges duty) {
		this.presence = presence;
		this.scouts = scouts;
		this.sessions = sessions;
		this.duty = duty;
	}

	void revoke(String username) {
		presence.drop(username);
		int returned = scouts.returnChatsOf(username);
		sessions.revoke(username);
		int told = duty.staffLeft();
		log.info("staff access revoked chatsReturned={} waitingToldNobodyOnDuty={}", returned, told);
	}

}
