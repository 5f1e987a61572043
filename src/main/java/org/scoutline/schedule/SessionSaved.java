package org.scoutline.schedule;

/**
 * A coordinator created or edited a session. Published once, as a Spring application
 * event on the instance that saved it (the widget's live line carries it to the others
 * over Redis).
 *
 * @param before the session as it was, {@code null} when it is new
 * @param after the session as it is now
 */
public record SessionSaved(LiveSession before, LiveSession after) {

	/**
	 * @return whether the session is new
	 */
	public boolean created() {
		return before == null;
	}

}
