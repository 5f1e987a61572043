package org.scoutline.schedule;

import java.util.List;

/**
 * A session as a coordinator submits it, unchecked: times are local date-times in
 * {@code timeZone} (e.g. {@code 2026-02-11T19:00}), exceptions are days
 * ({@code 2026-12-24}). Everything is text so that every mistake gets its own precise
 * message; {@link LiveSessions} checks it all before anything is saved.
 *
 * @param title required
 * @param topic optional
 * @param languages language codes, at least one
 * @param channels WEB, TELEGRAM and/or WHATSAPP, at least one
 * @param timeZone an IANA zone such as Europe/Berlin; the configured default when absent
 * @param start local start, e.g. 2026-02-11T19:00
 * @param end local end, after the start
 * @param scouts usernames of the rostered scouts, at least one
 * @param supervisor username of the supervisor on duty
 * @param maxQueueLength the configured default when absent
 * @param escalationStopMinutes the configured default when absent
 * @param recurrence optional RRULE, e.g. FREQ=WEEKLY;BYDAY=TU,TH
 * @param exceptions optional days without a session (needs a recurrence)
 */
public record SessionDraft(String title, String topic, List<String> languages, List<String> channels, String timeZone,
		String start, String end, List<String> scouts, String supervisor, Integer maxQueueLength,
		Integer escalationStopMinutes, String recurrence, List<String> exceptions) {

	public SessionDraft {
		languages = languages == null ? List.of() : languages;
		channels = channels == null ? List.of() : channels;
		scouts = scouts == null ? List.of() : scouts;
		exceptions = exceptions == null ? List.of() : exceptions;
	}

}
