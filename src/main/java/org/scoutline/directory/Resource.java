package org.scoutline.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One helpline, hotline, tool or police contact.
 *
 * @param id unique, e.g. {@code de-nummer-gegen-kummer}
 * @param name its name
 * @param kinds what it is for
 * @param ages the current ages it serves, {@code null} for everyone
 * @param imageAge for hash tools: whether it takes images of minors, of adults or any
 * @param phone a number to call, or {@code null}
 * @param sms how to text it, or {@code null}
 * @param url its web address, or {@code null}
 * @param hours opening hours per locale, empty when {@code alwaysOpen}
 * @param alwaysOpen whether it answers day and night
 * @param source where the facts come from
 * @param verifiedOn when the entry was last checked against its source
 */
public record Resource(String id, String name, Set<Kind> kinds, AgeRange ages, ImageAge imageAge, String phone,
		String sms, String url, Map<String, String> hours, boolean alwaysOpen, String source, LocalDate verifiedOn) {

	public enum Kind {

		CRISIS, COUNSELLING, HOTLINE, HASH, POLICE

	}

	public enum ImageAge {

		MINOR, ADULT, ANY

	}

	/**
	 * @param min youngest age served, inclusive
	 * @param max oldest age served, inclusive
	 */
	public record AgeRange(int min, int max) {

		public boolean overlaps(AgeRange other) {
			return other == null || (min <= other.max() && other.min() <= max);
		}

	}

	/** @return the opening hours in {@code locale}, falling back to English, or {@code null} */
	public String hoursIn(String locale) {
		if (hours == null || hours.isEmpty()) {
			return null;
		}
		return hours.getOrDefault(locale, hours.get("en"));
	}

}
