package org.scoutline.schedule;

/**
 * What the opening rule sees may have changed: a session was created, edited or
 * cancelled, an occurrence opened, stopped new requests or ended, or a staff member
 * checked in or out. Arrives as a Spring application event on every instance (over Redis
 * pub/sub, see {@link OpeningChanges}), so that what a user is told about the live
 * session changes at once everywhere.
 *
 * @param reason {@code session}, {@code checked_in} or {@code checked_out}
 * @param staff the staff member's username for a check-in or out, else {@code null}
 */
public record OpeningChanged(String reason, String staff) {

	/** a session or one of its moments */
	public static final String SESSION = "session";

	/** a staff member's console connected */
	public static final String CHECKED_IN = "checked_in";

	/** a staff member's last console on an instance closed */
	public static final String CHECKED_OUT = "checked_out";

}
