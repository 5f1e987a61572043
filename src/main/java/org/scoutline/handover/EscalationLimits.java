package org.scoutline.handover;

/**
 * How often one person may ask for a scout: so that a script can't fill the queue. Asked
 * only for a request that is not a crisis; a crisis is never refused.
 */
@FunctionalInterface
interface EscalationLimits {

	/**
	 * Counts one request.
	 * @param pseudonym the person's pseudonym
	 * @return whether this one is within the limit
	 */
	boolean mayEscalate(String pseudonym);

}
