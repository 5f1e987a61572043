package org.scoutline.handover;

import org.scoutline.conversation.Channel;
import org.scoutline.schedule.OpeningDecision;

/**
 * Whether a scout can take a new chat from {@code channel} now: the opening rule, asked
 * once per escalation.
 */
@FunctionalInterface
interface Staffing {

	/**
	 * @return the opening rule's answer; a refusal while a session runs counts in its
	 * report
	 */
	OpeningDecision escalation(Channel channel);

}
