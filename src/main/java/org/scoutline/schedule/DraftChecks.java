package org.scoutline.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.scoutline.conversation.Channel;
import org.scoutline.schedule.SessionProblem.Code;

/**
 * Turns a {@link SessionDraft} into a {@link LiveSession} or collects every field's
 * problem: required fields, the time zone, local times that do not exist (the hour
 * skipped when clocks go forward), end before start, the RRULE, exceptions, limits and
 * unknown scouts; the times are {@link DraftTimeChecks}'. Overlaps with other sessions
 * are {@link SessionOverlaps}' job.
 */
final class DraftChecks {

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

	private static final int MOST_LANGUAGES = 10;

	private static final int MOST_SCOUTS = 100;

	private static final int MOST_EXCEPTIONS = 400;

	private static final String KNOWN_CHANNELS = Arrays.stream(Channel.values())
		.map(Channel::name)
		.collect(Collectors.joining(", "));

	private final ScheduleSettings settings;

	private final Roster roster;

	private final List<SessionProblem> problems = new ArrayList<>();

	private final DraftTimeChecks times;

	DraftChecks(ScheduleSettings settings, Roster roster) {
		this.settings = settings;
		this.roster = roster;
		this.times = new DraftTimeChecks(settings, problems);
	}

	/**
	 * @throws InvalidSessionException listing every problem
	 */
	LiveSession check(String id, SessionDraft draft) {
		checkListSizes(draft);
		if (!problems.isEmpty()) {
			throw new InvalidSessionException(problems);
		}
		String title = text("title", draft.title(), 120, true);
		String topic = text("topic", draft.topic(), 500, false);
		List<String> languages = languages(draft.languages());
		List<Channel> channels = channels(draft.channels());
		ZoneId zone = times.zone(draft.timeZone());
		LocalDateTime localStart = times.localTime("start", draft.start());
		LocalDateTime localEnd = times.localTime("end", draft.end());
		ZonedDateTime start = times.inZone("start", localStart, zone);
		ZonedDateTime end = times.inZone("end", localEnd, zone);
		times.checkSpan(localStart, localEnd, start, end);
		List<String> scouts = scouts(draft.scouts());
		String supervisor = person("supervisor", draft.supervisor());
		int maxQueue = number("maxQueueLength", draft.maxQueueLength(), settings.maxQueueLength(), 1, 1000);
		int stopMinutes = number("escalationStopMinutes", draft.escalationStopMinutes(),
				settings.escalationStopMinutes(), 0, 240);
		times.checkStopWithinSession(start, end, stopMinutes);
		String recurrence = times.recurrence(draft.recurrence(), start);
		List<LocalDate> exceptions = times.exceptions(draft.exceptions(), recurrence);
		if (!problems.isEmpty()) {
			throw new InvalidSessionException(problems);
		}
		return new LiveSession(id, title, topic, languages, channels, start, end, scouts, supervisor, maxQueue,
				stopMinutes, recurrence, exceptions);
	}

	private void checkListSizes(SessionDraft draft) {
		longest("languages", draft.languages(), MOST_LANGUAGES);
		longest("channels", draft.channels(), Channel.values().length);
		longest("scouts", draft.scouts(), MOST_SCOUTS);
		longest("exceptions", draft.exceptions(), MOST_EXCEPTIONS);
	}

	private void longest(String field, List<String> values, int most) {
		if (values.size() > most) {
			problems.add(new SessionProblem(field, Code.TOO_MANY,
					Map.of("max", String.valueOf(most), "count", String.valueOf(values.size())),
					"at most " + most + " entries, got " + values.size()));
		}
	}

	private String text(String field, String value, int longest, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new SessionProblem(field, Code.REQUIRED, "is required"));
			}
			return "";
		}
		if (value.strip().length() > longest) {
			problems.add(new SessionProblem(field, Code.TOO_LONG_TEXT, Map.of("max", String.valueOf(longest)),
					"is longer than " + longest + " characters"));
		}
		return value.strip();
	}

	private List<String> languages(List<String> values) {
		if (values.isEmpty()) {
			problems
				.add(new SessionProblem("languages", Code.NO_LANGUAGE, "name at least one language, e.g. [\"de\"]"));
		}
		for (String value : values) {
			if (value == null || !LANGUAGE.matcher(value).matches()) {
				problems.add(new SessionProblem("languages", Code.BAD_LANGUAGE, Map.of("value", String.valueOf(value)),
						"'" + value + "' is not a language code such as de or en"));
			}
		}
		return values.stream().filter(Objects::nonNull).distinct().toList();
	}

	private List<Channel> channels(List<String> values) {
		if (values.isEmpty()) {
			problems.add(new SessionProblem("channels", Code.NO_CHANNEL, Map.of("known", KNOWN_CHANNELS),
					"name at least one channel: " + Arrays.toString(Channel.values())));
		}
		LinkedHashSet<Channel> channels = new LinkedHashSet<>();
		for (String value : values) {
			try {
				channels.add(Channel.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new SessionProblem("channels", Code.BAD_CHANNEL,
						Map.of("value", String.valueOf(value), "known", KNOWN_CHANNELS),
						"unknown channel '" + value + "', known are " + Arrays.toString(Channel.values())));
			}
		}
		return List.copyOf(channels);
	}

	private List<String> scouts(List<String> values) {
		if (values.isEmpty()) {
			problems.add(new SessionProblem("scouts", Code.NO_SCOUT, "roster at least one scout"));
		}
		LinkedHashSet<String> scouts = new LinkedHashSet<>();
		for (String value : values) {
			String scout = person("scouts", value);
			if (scout != null) {
				scouts.add(scout);
			}
		}
		return List.copyOf(scouts);
	}

	private String person(String field, String username) {
		if (username == null || username.isBlank()) {
			problems.add(new SessionProblem(field, Code.USERNAME_REQUIRED, "a username is required"));
			return null;
		}
		if (!roster.exists(username.strip())) {
			problems.add(new SessionProblem(field, Code.UNKNOWN_SCOUT, Map.of("value", username.strip()),
					"unknown scout '" + username.strip() + "'"));
			return null;
		}
		return username.strip();
	}

	private int number(String field, Integer value, int fallback, int least, int most) {
		int number = value == null ? fallback : value;
		if (number < least || number > most) {
			problems.add(new SessionProblem(field, Code.OUT_OF_RANGE,
					Map.of("min", String.valueOf(least), "max", String.valueOf(most), "value", String.valueOf(number)),
					"must be between " + least + " and " + most + ", was " + number));
		}
		return number;
	}

}
