package org.scoutline.handover;

import org.springframework.stereotype.Component;

/**
 * Whether a human can take a new chat right now: the single place that decides it, so that the bot never promises
 * an absent human. Scouts cannot check in yet (their console and presence come with the handover feature), so
 * nobody is on duty and every request gets the honest out-of-hours answer with the lines open day and night.
 */
@Component
public class ScoutDuty {

	/** @return whether a scout can take a new chat now */
	public boolean scoutAvailable() {
		return false;
	}

}
