package org.scoutline.report;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * How one occurrence of a live session went, without anything about a person: only counts
 * and durations.
 *
 * @param occurrence the occurrence's key (session id and start second)
 * @param sessionId the session it belongs to
 * @param title the session's title when it ran
 * @param start when it started
 * @param end when it ended (or ends)
 * @param escalations requests for a scout while it was live: accepted plus refused
 * @param refused requests turned away while it was live (queue full, no scout checked in,
 * escalations stopped)
 * @param waited users who joined the queue
 * @param gaveUp users who left the queue before a scout took them
 * @param unreached users still waiting when it ended
 * @param chats chats a scout took
 * @param crisis chats of the session with a crisis, each counted once: a crisis signal
 * when it joined the queue, while it waited or while a scout had it, or closed as
 * referred to crisis help
 * @param medianWaitSeconds median wait of those a scout took, {@code null} without any
 * @param p90WaitSeconds 90th percentile of that wait (nearest rank), {@code null} without
 * any
 * @param medianChatSeconds median length of the closed chats, {@code null} without any
 * @param outcomes closed chats by outcome
 * @param refusedBy the refused requests by reason ({@code queue_full},
 * {@code no_scout_checked_in}, {@code escalations_stopped}, {@code limited},
 * {@code no_turn_yet})
 */
public record SessionReport(String occurrence, String sessionId, String title, OffsetDateTime start, OffsetDateTime end,
		long escalations, long refused, long waited, long gaveUp, long unreached, long chats, long crisis,
		Long medianWaitSeconds, Long p90WaitSeconds, Long medianChatSeconds, Map<String, Long> outcomes,
		Map<String, Long> refusedBy) {

	public SessionReport {
		outcomes = Map.copyOf(outcomes);
		refusedBy = Map.copyOf(refusedBy);
	}

}
