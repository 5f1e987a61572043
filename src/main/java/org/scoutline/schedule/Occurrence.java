package org.scoutline.schedule;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * One concrete occurrence of a live session, in the session's time zone.
 *
 * @param session the session it belongs to
 * @param start when it starts
 * @param end when it ends
 */
public record Occurrence(LiveSession session, ZonedDateTime start, ZonedDateTime end) {

	/**
	 * @return when new escalations stop: the end minus the session's stop minutes
	 */
	public ZonedDateTime escalationsStopAt() {
		return end.minusMinutes(session.escalationStopMinutes());
	}

	/**
	 * @return whether the occurrence runs at {@code now} (start inclusive, end exclusive)
	 */
	public boolean liveAt(Instant now) {
		return !now.isBefore(start.toInstant()) && now.isBefore(end.toInstant());
	}

	/**
	 * @return whether new escalations have stopped at {@code now}
	 */
	public boolean escalationsStoppedAt(Instant now) {
		return !now.isBefore(escalationsStopAt().toInstant());
	}

	/**
	 * @return whether it overlaps {@code other} in time
	 */
	public boolean overlaps(Occurrence other) {
		return start.toInstant().isBefore(other.end.toInstant()) && other.start.toInstant().isBefore(end.toInstant());
	}

	/**
	 * @return an id of this occurrence, stable while the session is unchanged: session id
	 * and start second
	 */
	public String key() {
		return session.id() + ":" + start.toEpochSecond();
	}

}
