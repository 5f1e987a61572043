package org.scoutline.directory;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One helpline, hotline, tool or police contact.
 *
 * @param id unique, e.g. {@code de-nummer-gegen-kummer}
 * @param name its name, as used in every language unless {@code names} has one for the
 * locale
 * @param names its name per locale, where it differs by language (empty when it is the
 * same everywhere)
 * @param about a short description per locale (what it is, for whom), or empty
 * @param kinds what it is for
 * @param ages the current ages it serves, {@code null} for everyone
 * @param imageAge for hash tools: whether it takes images of minors, of adults or any
 * @param audience who it is for: anyone, or only parents helping their child
 * @param phone a number to call, or {@code null}
 * @param sms how to text it, or {@code null}
 * @param url its web address, or {@code null}
 * @param hours opening hours per locale, empty when {@code alwaysOpen}
 * @param alwaysOpen whether it answers day and night
 * @param source where the facts come from
 * @param verifiedOn when the entry was last checked against its source
 * @param languages the languages it answers in, where a country's lines differ by
 * language (Belgium: Awel in Dutch, Écoute-Enfants in French); empty when it answers
 * everyone or the source does not say
 */
public record Resource(String id, String name, Map<String, String> names, Map<String, String> about, Set<Kind> kinds,
		AgeRange ages, ImageAge imageAge, Audience audience, String phone, String sms, String url,
		Map<String, String> hours, boolean alwaysOpen, String source, LocalDate verifiedOn, Set<String> languages) {

	public enum Kind {

		CRISIS, COUNSELLING, HOTLINE, HASH, POLICE,
		/**
		 * helps get pictures taken down and evidence secured (e.g. HateAid, Revenge Porn
		 * Helpline, d4u)
		 */
		REMOVAL

	}

	public enum ImageAge {

		MINOR, ADULT, ANY

	}

	public enum Audience {

		/** the person it happened to and anyone helping them */
		ANYONE,
		/** only parents helping their child (a parents' line) */
		PARENTS

	}

	/**
	 * @param min youngest age served, inclusive
	 * @param max oldest age served, inclusive
	 */
	public record AgeRange(int min, int max) {

		/** the upper end of a range written without one ({@code {min: 18}}) */
		public static final int OLDEST = 120;

		public boolean overlaps(AgeRange other) {
			return other == null || (min <= other.max() && other.min() <= max);
		}

		/**
		 * @return whether only adults are served
		 */
		public boolean adultsOnly() {
			return min >= 18;
		}

	}

	/**
	 * @return the name in {@code locale}: its translation where it has one, else the name
	 * used everywhere
	 */
	public String nameIn(String locale) {
		return names.getOrDefault(locale, name);
	}

	/**
	 * @return the short description in {@code locale}, or {@code null} when there is none
	 */
	public String aboutIn(String locale) {
		return about.get(locale);
	}

	/**
	 * @return the opening hours in {@code locale}, falling back to English, or
	 * {@code null}
	 */
	public String hoursIn(String locale) {
		if (hours == null || hours.isEmpty()) {
			return null;
		}
		return hours.getOrDefault(locale, hours.get("en"));
	}

	/**
	 * @return whether only adults may be sent here (adults-only services)
	 */
	public boolean adultsOnly() {
		return ages != null && ages.adultsOnly();
	}

}
