package org.scoutline.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import org.scoutline.schedule.SessionProblem.Code;

/**
 * Expands sessions into occurrences with ical4j's RRULE engine, in the session's own time
 * zone: a weekly 18:00 Europe/Berlin session stays 18:00 local time on both sides of a
 * daylight-saving change. The first occurrence is always the session's start (RFC 5545:
 * DTSTART counts); EXDATE days are left out.
 */
final class Recurrences {

	private static final Set<Frequency> TOO_FREQUENT = Set.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

	private static final int MAX_COUNTED_YEARS = 50;

	private Recurrences() {
	}

	/**
	 * Parses an RRULE value (an optional leading {@code RRULE:} is dropped).
	 * @throws BadRecurrenceException with a reason a coordinator can act on
	 */
	static Recur<ZonedDateTime> parse(String rule) {
		String value = rule.strip();
		if (value.regionMatches(true, 0, "RRULE:", 0, 6)) {
			value = value.substring(6);
		}
		Recur<ZonedDateTime> recur;
		try {
			recur = new Recur<>(value);
		}
		catch (RuntimeException ex) {
			throw new BadRecurrenceException(Code.BAD_RECURRENCE,
					Map.of("value", rule, "reason", String.valueOf(ex.getMessage())), "'" + rule
							+ "' is not an iCalendar RRULE such as FREQ=WEEKLY;BYDAY=TU,TH (" + ex.getMessage() + ")");
		}
		if (recur.getFrequency() == null) {
			throw new BadRecurrenceException(Code.RECURRENCE_NO_FREQ, Map.of("value", rule),
					"'" + rule + "' names no FREQ (DAILY, WEEKLY, MONTHLY or YEARLY)");
		}
		if (TOO_FREQUENT.contains(recur.getFrequency())) {
			throw new BadRecurrenceException(Code.RECURRENCE_TOO_OFTEN,
					Map.of("frequency", recur.getFrequency().name()),
					"sessions repeat at most daily, not " + recur.getFrequency());
		}
		if (value.toUpperCase().contains("INTERVAL=") && recur.getInterval() < 1) {
			throw new BadRecurrenceException(Code.RECURRENCE_BAD_INTERVAL, Map.of(), "INTERVAL must be 1 or more");
		}
		if (recur.getCount() > 0 && recur.getUntil() != null) {
			throw new BadRecurrenceException(Code.RECURRENCE_COUNT_AND_UNTIL, Map.of(),
					"COUNT and UNTIL cannot both be given");
		}
		return recur;
	}

	/**
	 * Expands a parsed rule for a year from {@code start}, because ical4j accepts some
	 * rules it cannot expand (an UNTIL day without a time for a session with a start
	 * time, BYSETPOS=0).
	 * @throws BadRecurrenceException with the reason
	 */
	static void checkExpands(String rule, ZonedDateTime start) {
		Recur<ZonedDateTime> recur = parse(rule);
		if ((Object) recur.getUntil() instanceof LocalDate) {
			throw new BadRecurrenceException(Code.RECURRENCE_UNTIL_DAY, Map.of(),
					"UNTIL needs a date and time such as 20261231T235959Z, not a day");
		}
		try {
			recur.getDates(start, start, start.plusYears(1));
		}
		catch (RuntimeException ex) {
			throw new BadRecurrenceException(Code.RECURRENCE_NOT_EXPANDABLE,
					Map.of("value", rule, "reason", String.valueOf(ex.getMessage())),
					"'" + rule + "' cannot be expanded (" + ex.getMessage() + ")");
		}
	}

	/**
	 * @return the occurrences of {@code session} that overlap {@code [from, to)}, in
	 * order
	 */
	static List<Occurrence> between(LiveSession session, Instant from, Instant to) {
		List<Occurrence> occurrences = new ArrayList<>();
		for (ZonedDateTime start : starts(session, from, to)) {
			ZonedDateTime localStart = start.withZoneSameInstant(session.zone());
			ZonedDateTime end = localStart.plus(session.duration());
			boolean excluded = session.exceptions().contains(localStart.toLocalDate());
			if (!excluded && end.toInstant().isAfter(from) && localStart.toInstant().isBefore(to)) {
				occurrences.add(new Occurrence(session, localStart, end));
			}
		}
		return occurrences;
	}

	private static List<ZonedDateTime> starts(LiveSession session, Instant from, Instant to) {
		if (!session.recurring()) {
			return List.of(session.start());
		}
		ZonedDateTime seed = session.start();
		Recur<ZonedDateTime> recur = parse(session.recurrence());
		ZonedDateTime windowStart = from.minus(session.duration()).atZone(session.zone());
		ZonedDateTime windowEnd = to.atZone(session.zone());
		if (recur.getCount() > 0) {
			// the first start counts towards COUNT even when the rule would not produce
			// it (RFC 5545)
			List<ZonedDateTime> series = withSeed(seed, recur.getDates(seed, seed, seed.plusYears(MAX_COUNTED_YEARS)));
			return series.stream()
				.limit(recur.getCount())
				.filter(start -> !start.isBefore(windowStart) && start.isBefore(windowEnd))
				.toList();
		}
		if (!windowEnd.isAfter(seed)) {
			return List.of();
		}
		return withSeed(seed, recur.getDates(seed, windowStart, windowEnd)).stream()
			.filter(start -> !start.isBefore(windowStart))
			.toList();
	}

	private static List<ZonedDateTime> withSeed(ZonedDateTime seed, List<ZonedDateTime> ruleDates) {
		List<ZonedDateTime> starts = new ArrayList<>();
		starts.add(seed);
		ruleDates.stream().filter(start -> start.isAfter(seed)).forEach(starts::add);
		return starts;
	}

}
