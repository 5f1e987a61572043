package org.scoutline.report;

import java.util.Map;

/**
 * A {@link SessionReport} as the console receives it: the same numbers, times as ISO-8601
 * text with the offset the session had in its own zone (so a 19:00 Berlin session reads
 * 19:00 wherever the coordinator is).
 */
record ReportView(String occurrence, String sessionId, String title, String start, String end, long escalations,
		long refused, long waited, long gaveUp, long unreached, long chats, long crisis, Long medianWaitSeconds,
		Long p90WaitSeconds, Long medianChatSeconds, Map<String, Long> outcomes, Map<String, Long> refusedBy) {

	static ReportView of(SessionReport r) {
		return new ReportView(r.occurrence(), r.sessionId(), r.title(), text(r.start()), text(r.end()), r.escalations(),
				r.refused(), r.waited(), r.gaveUp(), r.unreached(), r.chats(), r.crisis(), r.medianWaitSeconds(),
				r.p90WaitSeconds(), r.medianChatSeconds(), r.outcomes(), r.refusedBy());
	}

	private static String text(Object time) {
		return time == null ? null : time.toString();
	}

}
