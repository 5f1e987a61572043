package org.scoutline.support;

import java.time.Duration;

import org.scoutline.handover.ChatEvent;
import org.scoutline.handover.CrisisSignalled;
import org.scoutline.handover.EscalationRefused;
import org.scoutline.schedule.Occurrence;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What happens in one live session, told to the session reports exactly as the handover
 * tells them: through its past-tense events on this instance.
 * {@code activity(publisher, occurrence).waited(true).reached(ofSeconds(90))}.
 */
public final class ReportActivity {

	private final ApplicationEventPublisher events;

	private final String session;

	private ReportActivity(ApplicationEventPublisher events, Occurrence occurrence) {
		this.events = events;
		this.session = occurrence.key();
	}

	public static ReportActivity activity(ApplicationEventPublisher events, Occurrence occurrence) {
		return new ReportActivity(events, occurrence);
	}

	/** A user joined the queue ({@code crisis}: flagged for the supervisor). */
	public ReportActivity waited(boolean crisis) {
		events.publishEvent(new ChatEvent.ChatQueued("c", crisis, crisis ? "suicide" : null, crisis ? "concern" : null,
				session, 0));
		if (crisis) {
			events.publishEvent(new CrisisSignalled(session, 0));
		}
		return this;
	}

	/** A user was turned away (the queue was full). */
	public ReportActivity refused() {
		return refused("queue_full");
	}

	/** A user was turned away, for {@code reason}. */
	public ReportActivity refused(String reason) {
		events.publishEvent(new EscalationRefused(session, reason, 0));
		return this;
	}

	/** A scout took a chat that waited {@code wait}. */
	public ReportActivity reached(Duration wait) {
		events.publishEvent(new ChatEvent.ChatClaimed("c", "scout", session, wait.toMillis(), 0));
		return this;
	}

	/** A waiting user left the queue. */
	public ReportActivity gaveUp() {
		events.publishEvent(new ChatEvent.ChatLeft("c", session, false, 0));
		return this;
	}

	/** A user was still waiting when the session ended. */
	public ReportActivity unreached() {
		events.publishEvent(new ChatEvent.ChatLeft("c", session, true, 0));
		return this;
	}

	/** A scout closed a chat after {@code length} with {@code outcome}. */
	public ReportActivity closed(String outcome, Duration length) {
		events.publishEvent(new ChatEvent.ChatClosed("c", "scout", outcome, session, length.toMillis(), 0));
		return this;
	}

}
