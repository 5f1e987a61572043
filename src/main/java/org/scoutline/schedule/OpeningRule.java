package org.scoutline.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The opening rule, in one place and free of I/O: an escalation is accepted only while a
 * session is live, new escalations have not stopped, at least one rostered scout is
 * checked in and the queue is under the session's maximum. Capacity follows the
 * checked-in scouts (scouts times the chats one scout takes). Otherwise the answer is
 * closed, with the reason and the next (up to three) occurrences to offer instead.
 */
public final class OpeningRule {

	static final int NEXT_OFFERED = 3;

	private final int perScoutCapacity;

	/**
	 * @param perScoutCapacity chats one checked-in scout takes at once, at least 1
	 */
	public OpeningRule(int perScoutCapacity) {
		if (perScoutCapacity < 1) {
			throw new IllegalArgumentException("perScoutCapacity must be at least 1, was " + perScoutCapacity);
		}
		this.perScoutCapacity = perScoutCapacity;
	}

	/**
	 * @param now the moment of the escalation
	 * @param live the occurrence live at {@code now}, if any
	 * @param checkedInRosteredScouts how many of its rostered scouts are checked in
	 * @param queueLength conversations waiting now
	 * @param upcoming occurrences from {@code now} on, soonest first; those starting
	 * after {@code now} are offered
	 */
	public OpeningDecision decide(Instant now, Optional<Occurrence> live, int checkedInRosteredScouts, int queueLength,
			List<Occurrence> upcoming) {
		if (live.isEmpty() || !live.get().liveAt(now)) {
			return closed(ClosedReason.NO_SESSION, now, upcoming, null);
		}
		Occurrence occurrence = live.get();
		if (occurrence.escalationsStoppedAt(now)) {
			return closed(ClosedReason.ESCALATIONS_STOPPED, now, upcoming, occurrence);
		}
		if (checkedInRosteredScouts < 1) {
			return closed(ClosedReason.NO_SCOUT_CHECKED_IN, now, upcoming, occurrence);
		}
		if (queueLength >= occurrence.session().maxQueueLength()) {
			return closed(ClosedReason.QUEUE_FULL, now, upcoming, occurrence);
		}
		return new OpeningDecision.Open(occurrence, checkedInRosteredScouts * perScoutCapacity);
	}

	private static OpeningDecision closed(ClosedReason reason, Instant now, List<Occurrence> upcoming,
			Occurrence live) {
		List<Occurrence> next = upcoming.stream()
			.filter(o -> o.start().toInstant().isAfter(now))
			.limit(NEXT_OFFERED)
			.toList();
		return new OpeningDecision.Closed(reason, next, live);
	}

}
