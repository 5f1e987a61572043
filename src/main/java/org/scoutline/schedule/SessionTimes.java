package org.scoutline.schedule;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Says when an occurrence takes place in words a user reads at a glance, in their
 * language and time zone: "Tue, 24 Mar, 18:00–20:00" or "Di., 24. März, 18:00–20:00 Uhr",
 * with the zone named when it is a guess.
 */
public final class SessionTimes {

	private SessionTimes() {
	}

	/**
	 * @param occurrence the occurrence
	 * @param zone the user's time zone, or {@code null} when unknown (the session's zone
	 * is used and named)
	 * @param language the user's language (de or en)
	 */
	public static String when(Occurrence occurrence, ZoneId zone, String language) {
		boolean german = "de".equals(language);
		ZoneId shown = zone == null ? occurrence.session().zone() : zone;
		ZonedDateTime start = occurrence.start().withZoneSameInstant(shown);
		ZonedDateTime end = occurrence.end().withZoneSameInstant(shown);
		Locale locale = german ? Locale.GERMAN : Locale.UK;
		DateTimeFormatter day = DateTimeFormatter.ofPattern(german ? "EE, d. MMMM" : "EEE, d MMM", locale);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
		String endText = end.toLocalDate().equals(start.toLocalDate()) ? time.format(end)
				: day.format(end) + ", " + time.format(end);
		StringBuilder text = new StringBuilder(day.format(start)).append(", ")
			.append(time.format(start))
			.append('–')
			.append(endText);
		if (german) {
			text.append(" Uhr");
		}
		if (zone == null) {
			String city = shown.getId().substring(shown.getId().lastIndexOf('/') + 1).replace('_', ' ');
			text.append(german ? " (Zeit in " + city + ")" : " (" + city + " time)");
		}
		return text.toString();
	}

	/**
	 * @param codes language codes (de, en, ...)
	 * @param language the reader's language (de or en)
	 * @return the languages named in words in the reader's language: "German and
	 * English", "Deutsch und Englisch"
	 */
	public static String languages(List<String> codes, String language) {
		Locale reader = "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
		List<String> names = codes.stream().map(code -> {
			String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
			return name.isEmpty() ? code : name;
		}).toList();
		if (names.size() < 2) {
			return String.join("", names);
		}
		String and = reader == Locale.GERMAN ? " und " : " and ";
		return String.join(", ", names.subList(0, names.size() - 1)) + and + names.get(names.size() - 1);
	}

	/**
	 * @return the time of day an occurrence ends, in the user's zone (or the session's,
	 * named)
	 */
	public static String until(Occurrence occurrence, ZoneId zone, String language) {
		boolean german = "de".equals(language);
		ZoneId shown = zone == null ? occurrence.session().zone() : zone;
		String time = DateTimeFormatter.ofPattern("HH:mm").format(occurrence.end().withZoneSameInstant(shown));
		return german ? time + " Uhr" : time;
	}

}
