package org.scoutline.schedule;

import java.util.List;

/** The answer of the {@link OpeningRule}: open with a capacity, or closed with a reason and the next sessions. */
public sealed interface OpeningDecision {

	/** @return whether an escalation is accepted now (a scout will answer) */
	boolean open();

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

	}

	/**
	 * No escalation now: the out-of-hours answer.
	 *
	 * @param reason why
	 * @param next the next occurrences that start later, soonest first, at most three
	 */
	record Closed(ClosedReason reason, List<Occurrence> next) implements OpeningDecision {

		public Closed {
			next = List.copyOf(next);
		}

		@Override
		public boolean open() {
			return false;
		}

	}

}
