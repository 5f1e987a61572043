package org.scoutline.schedule;

/**
 * A coordinator cancelled a session (all its occurrences). Published once, by the
 * instance that removed it; when an occurrence was running, the queue closes at once (the
 * opening rule no longer finds it) and no {@link SessionEnded} follows, so listeners tell
 * waiting users here.
 *
 * @param session the session as it was
 * @param running the occurrence that was running when it was cancelled, or {@code null}
 */
public record SessionCancelled(LiveSession session, Occurrence running) {

	/**
	 * @return whether an occurrence was running when the session was cancelled
	 */
	public boolean wasLive() {
		return running != null;
	}

}
