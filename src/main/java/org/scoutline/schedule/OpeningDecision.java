package org.scoutline.schedule;

import java.util.List;
import java.util.Optional;

/**
 * The answer of the {@link OpeningRule}: open with a capacity, or closed with a reason
 * and the next sessions.
 */
public sealed interface OpeningDecision {

	/**
	 * @return whether an escalation is accepted now (a scout will answer)
	 */
	boolean open();

	/**
	 * @return the occurrence running now (open, or closed for a reason other than no
	 * session)
	 */
	Optional<Occurrence> running();

	/**
	 * Escalations are accepted.
	 *
	 * @param occurrence the occurrence live now
	 * @param capacity chats the checked-in rostered scouts take at once
	 */
	record Open(Occurrence occurrence, int capacity) implements OpeningDecision {

		@Override
		public boolean open() {
			return true;
		}

		@Override
		public Optional<Occurrence> running() {
			return Optional.of(occurrence);
		}

	}

	/**
	 * No escalation now: the out-of-hours answer.
	 *
	 * @param reason why
	 * @param next the next occurrences that start later, soonest first, at most three
	 * @param live the occurrence running now that cannot take the escalation,
	 * {@code null} when none runs
	 */
	record Closed(ClosedReason reason, List<Occurrence> next, Occurrence live) implements OpeningDecision {

		public Closed {
			next = List.copyOf(next);
		}

		/** Closed with no session running. */
		public Closed(ClosedReason reason, List<Occurrence> next) {
			this(reason, next, null);
		}

		/**
		 * @return the occurrence running now, if any
		 */
		public Optional<Occurrence> running() {
			return Optional.ofNullable(live);
		}

		@Override
		public boolean open() {
			return false;
		}

	}

}
