package org.scoutline.handover;

/**
 * Who is offered waiting chats (with {@code scoutline.handover.assignment=offer}): the
 * console decides, as it knows the accounts.
 */
public interface OfferTargets {

	/**
	 * @return whether {@code username} may be offered a chat now: an enabled scout
	 * account (supervisors and coordinators claim by hand)
	 */
	boolean takesOffers(String username);

}
