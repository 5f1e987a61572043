package org.scoutline.schedule;

/**
 * Which scouts exist, so that a session cannot roster a mistyped or unknown username. The
 * console provides the real implementation (enabled console accounts); {@link #ANY_NAMED}
 * is used only when no bean is declared (the schedule module on its own).
 */
@FunctionalInterface
public interface Roster {

	/** Accepts any non-blank username (no scout accounts exist yet). */
	Roster ANY_NAMED = username -> username != null && !username.isBlank();

	/**
	 * @return whether a scout (or supervisor) account with this username exists
	 */
	boolean exists(String username);

}
