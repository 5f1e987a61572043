package org.scoutline.schedule;

import java.time.ZonedDateTime;
import java.util.function.Function;

/**
 * The three moments of an occurrence that are announced, each with the event it
 * publishes.
 */
enum LifecycleMoment {

	OPENED(Occurrence::start, SessionOpened::new),

	ESCALATIONS_STOPPED(Occurrence::escalationsStopAt, EscalationsStopped::new),

	ENDED(Occurrence::end, SessionEnded::new);

	private final Function<Occurrence, ZonedDateTime> at;

	private final Function<Occurrence, Object> event;

	LifecycleMoment(Function<Occurrence, ZonedDateTime> at, Function<Occurrence, Object> event) {
		this.at = at;
		this.event = event;
	}

	ZonedDateTime at(Occurrence occurrence) {
		return at.apply(occurrence);
	}

	Object eventFor(Occurrence occurrence) {
		return event.apply(occurrence);
	}

}
