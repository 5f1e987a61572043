package org.scoutline.handover;

import java.util.List;

import org.scoutline.schedule.Occurrence;
import org.scoutline.safety.CrisisDetector.Screening;

/**
 * What the handover does once a user's turn is saved, decided by {@link UserTurns} and
 * carried out by {@link UserSide#carryOut}. The hotline only passes it on.
 */
public sealed interface FollowUp {

	/** nothing to do */
	FollowUp NONE = new Nothing();

	/**
	 * @return this, then {@code next}
	 */
	default FollowUp and(FollowUp next) {
		if (next instanceof Nothing) {
			return this;
		}
		return this instanceof Nothing ? next : new Several(List.of(this, next));
	}

	/**
	 * Several things to do, in order.
	 *
	 * @param steps what to do
	 */
	record Several(List<FollowUp> steps) implements FollowUp {
	}

	/**
	 * A user who asked for a scout while a session ran was turned away: counted in its
	 * report.
	 *
	 * @param session the running session's occurrence key
	 * @param reason why ({@link EscalationRefused#reason()})
	 */
	record Refused(String session, String reason) implements FollowUp {
	}

	/** Nothing to do. */
	record Nothing() implements FollowUp {
	}

	/**
	 * Join the queue, or move up in it for a crisis.
	 *
	 * @param signal what the crisis screen found in the message ({@link Screening#NONE}:
	 * nothing)
	 * @param occurrence the live session joined (counted in its report), {@code null}
	 * when already waiting
	 */
	record Enqueue(Screening signal, Occurrence occurrence) implements FollowUp {
	}

	/**
	 * Keep waiting: tell the user their place (and queue them again if they fell out).
	 */
	record Hold() implements FollowUp {
	}

	/**
	 * Remind the user once when the next session opens.
	 *
	 * @param when when it is, in the user's words
	 * @param occurrence the session
	 */
	record Remind(String when, Occurrence occurrence) implements FollowUp {
	}

	/** Keep what the user writes for the scouts of the next session. */
	record Park() implements FollowUp {
	}

	/** The user took their message for the next session back. */
	record Unpark() implements FollowUp {
	}

	/** The user left the queue. */
	record Leave() implements FollowUp {
	}

	/**
	 * Show the scout what the user wrote.
	 *
	 * @param text the user's words as they appear in the transcript
	 * @param signal what the crisis screen found in them
	 */
	record Relay(String text, Screening signal) implements FollowUp {
	}

	/**
	 * Count the user's answer to the feedback question.
	 *
	 * @param choice the answer's id
	 */
	record Feedback(String choice) implements FollowUp {
	}

}
