package org.scoutline.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scoutline.schedule.SessionProblem.Code;

/**
 * The checks of a {@link SessionDraft}'s times, for {@link DraftChecks}: the time zone,
 * local times that do not exist (the hour skipped when clocks go forward), end before
 * start, the longest session, escalations that would stop before the session starts, the
 * RRULE and its exceptions. Each problem is added to the draft's list.
 */
final class DraftTimeChecks {

	private static final Duration LONGEST = Duration.ofHours(24);

	private final ScheduleSettings settings;

	private final List<SessionProblem> problems;

	/**
	 * @param problems the draft's problems so far, which the checks add to
	 */
	DraftTimeChecks(ScheduleSettings settings, List<SessionProblem> problems) {
		this.settings = settings;
		this.problems = problems;
	}

	/**
	 * @return the named zone, the usual one when none is named, or {@code null} when it
	 * is unknown
	 */
	ZoneId zone(String value) {
		if (value == null || value.isBlank()) {
			return settings.zone();
		}
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException ex) {
			problems.add(new SessionProblem("timeZone", Code.UNKNOWN_ZONE, Map.of("value", value),
					"unknown time zone '" + value + "', use an IANA name such as Europe/Berlin"));
			return null;
		}
	}

	/**
	 * @return the local date and time, or {@code null} when it is missing or not one
	 */
	LocalDateTime localTime(String field, String value) {
		if (value == null || value.isBlank()) {
			problems.add(new SessionProblem(field, Code.REQUIRED_TIME,
					"is required, a local date and time such as 2026-02-11T19:00"));
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (DateTimeException ex) {
			problems.add(new SessionProblem(field, Code.NOT_LOCAL_TIME, Map.of("value", value),
					"'" + value + "' is not a local date and time such as 2026-02-11T19:00"));
			return null;
		}
	}

	/**
	 * @return the local time in the zone, or {@code null} when either is unknown or the
	 * clocks skip that time
	 */
	ZonedDateTime inZone(String field, LocalDateTime local, ZoneId zone) {
		if (local == null || zone == null) {
			return null;
		}
		if (zone.getRules().getValidOffsets(local).isEmpty()) {
			problems.add(new SessionProblem(field, Code.SKIPPED_LOCAL_TIME,
					Map.of("value", local.toString(), "zone", zone.getId()),
					local + " does not exist in " + zone + " (the clocks skip it)"));
			return null;
		}
		return local.atZone(zone);
	}

	/** Checks that the session ends after it starts, and within 24 hours. */
	void checkSpan(LocalDateTime localStart, LocalDateTime localEnd, ZonedDateTime start, ZonedDateTime end) {
		if (localStart != null && localEnd != null && !localEnd.isAfter(localStart)) {
			problems.add(new SessionProblem("end", Code.END_BEFORE_START,
					Map.of("start", localStart.toString(), "value", localEnd.toString()),
					"must be after the start (" + localStart + "), was " + localEnd));
		}
		else if (start != null && end != null && Duration.between(start, end).compareTo(LONGEST) > 0) {
			problems.add(
					new SessionProblem("end", Code.TOO_LONG_SESSION, Map.of("hours", String.valueOf(LONGEST.toHours())),
							"a session lasts at most " + LONGEST.toHours() + " hours"));
		}
	}

	/**
	 * Checks that escalations stop after the session starts ({@code stopMinutes} before
	 * its end).
	 */
	void checkStopWithinSession(ZonedDateTime start, ZonedDateTime end, int stopMinutes) {
		if (start != null && end != null && end.isAfter(start)
				&& Duration.between(start, end).toMinutes() <= stopMinutes) {
			long length = Duration.between(start, end).toMinutes();
			problems.add(new SessionProblem("escalationStopMinutes", Code.STOP_BEFORE_START,
					Map.of("minutes", String.valueOf(stopMinutes), "length", String.valueOf(length)),
					"escalations would stop before the session starts: " + stopMinutes + " minutes of a " + length
							+ "-minute session"));
		}
	}

	/**
	 * @return the RRULE without its {@code RRULE:} prefix, or {@code null} when there is
	 * none or it is wrong
	 */
	String recurrence(String value, ZonedDateTime start) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Recurrences.parse(value);
			if (start != null) {
				Recurrences.checkExpands(value, start);
			}
			return value.strip().replaceFirst("(?i)^RRULE:", "");
		}
		catch (BadRecurrenceException ex) {
			problems.add(ex.problem());
			return null;
		}
	}

	/**
	 * @return the days the recurrence skips, each once and in order; only a recurring
	 * session has them
	 */
	List<LocalDate> exceptions(List<String> values, String recurrence) {
		if (!values.isEmpty() && recurrence == null
				&& problems.stream().noneMatch(p -> p.field().equals("recurrence"))) {
			problems.add(new SessionProblem("exceptions", Code.EXCEPTIONS_NOT_RECURRING,
					"only a recurring session has exceptions; cancel a single session instead"));
		}
		List<LocalDate> days = new ArrayList<>();
		for (String value : values) {
			try {
				days.add(LocalDate.parse(String.valueOf(value).strip()));
			}
			catch (DateTimeException ex) {
				problems.add(new SessionProblem("exceptions", Code.BAD_DATE, Map.of("value", String.valueOf(value)),
						"'" + value + "' is not a date such as 2026-12-24"));
			}
		}
		return days.stream().distinct().sorted().toList();
	}

}
