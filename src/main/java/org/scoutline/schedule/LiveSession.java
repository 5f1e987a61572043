package org.scoutline.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.scoutline.conversation.Channel;

/**
 * A scheduled live session as the coordinator defined it: one occurrence, or a series
 * when {@code recurrence} holds an iCalendar RRULE. Sessions are not personal data;
 * scouts appear only by their console username.
 *
 * @param id stable id (also the iCalendar UID)
 * @param title e.g. "Safer Internet Day"
 * @param topic what the session is about, e.g. "deepfakes"
 * @param languages languages the scouts answer in (e.g. de, en)
 * @param channels channels on which users can reach the session
 * @param start start of the first occurrence, in the session's time zone
 * @param end end of the first occurrence, same zone, after {@code start}
 * @param scouts usernames of the rostered scouts
 * @param supervisor username of the supervisor on duty
 * @param maxQueueLength longest queue; escalations beyond it are refused
 * @param escalationStopMinutes minutes before the end when new escalations stop
 * @param recurrence an RRULE value such as {@code FREQ=WEEKLY;BYDAY=TU,TH}, or
 * {@code null} for a single occurrence
 * @param exceptions days on which a recurring session does not take place (EXDATE)
 */
public record LiveSession(String id, String title, String topic, List<String> languages, List<Channel> channels,
		ZonedDateTime start, ZonedDateTime end, List<String> scouts, String supervisor, int maxQueueLength,
		int escalationStopMinutes, String recurrence, List<LocalDate> exceptions) {

	public LiveSession {
		languages = List.copyOf(languages);
		channels = List.copyOf(channels);
		scouts = List.copyOf(scouts);
		exceptions = List.copyOf(exceptions);
		if (!end.isAfter(start) || !start.getZone().equals(end.getZone())) {
			throw new IllegalArgumentException("a session ends after it starts, in the same time zone");
		}
	}

	/**
	 * @return the session's time zone
	 */
	public ZoneId zone() {
		return start.getZone();
	}

	/**
	 * @return how long each occurrence lasts
	 */
	public Duration duration() {
		return Duration.between(start, end);
	}

	/**
	 * @return whether the session repeats
	 */
	public boolean recurring() {
		return recurrence != null;
	}

	/**
	 * @return everyone on duty: the rostered scouts and the supervisor
	 */
	public Set<String> onDuty() {
		Set<String> people = new LinkedHashSet<>(scouts);
		people.add(supervisor);
		return people;
	}

}
