package org.scoutline.schedule;

/**
 * Which scouts exist, so that a session cannot roster a mistyped or unknown username. The scout accounts come with
 * the console (issue 4), which provides the real implementation as a bean; until then, and whenever no bean is
 * declared, {@link #ANY_NAMED} accepts any non-blank username.
 */
@FunctionalInterface
public interface Roster {

	/** Accepts any non-blank username (no scout accounts exist yet). */
	Roster ANY_NAMED = username -> username != null && !username.isBlank();

	/** @return whether a scout (or supervisor) account with this username exists */
	boolean exists(String username);

}
