package org.scoutline.dialogue;

import java.util.Map;

import org.scoutline.directory.Resource;

/**
 * Names of the facts with a meaning outside the script, and the facts derived from them.
 */
final class Facts {

	static final String LOCALE = "locale";

	static final String COUNTRY = "country";

	static final String AGE = "age";

	static final String IMAGE_AGE = "image_age";

	static final String RISK = "risk";

	static final String RESUME_TO = "resume_to";

	/**
	 * where to go back to once the country question asked from a crisis card is answered
	 */
	static final String AFTER_COUNTRY = "after_country";

	/**
	 * {@code yes} when the crisis path still has to follow the country question (no
	 * country was known)
	 */
	static final String CRISIS_AFTER_COUNTRY = "crisis_after_country";

	static final String MINOR_NOW = "minor_now";

	static final String MINOR_IN_IMAGE = "minor_in_image";

	/**
	 * plan guards only: {@code yes} when the directory knows how to report on the
	 * platform the user named
	 */
	static final String PLATFORM_LISTED = "platform_listed";

	/**
	 * plan guards only: {@code yes}/{@code no} whether that platform takes part in the
	 * hash tools, else null
	 */
	static final String PLATFORM_IN_HASH_TOOLS = "platform_in_hash_tools";

	static final String PLATFORM = "platform";

	static final String SITUATION = "situation";

	static final String HELPER_ROLE = "helper_role";

	private Facts() {
	}

	/**
	 * @return {@code yes} when the age band is under 18, {@code no} when not,
	 * {@code null} when unknown
	 */
	static String minorNow(Map<String, String> facts) {
		String age = facts.get(AGE);
		if (age == null) {
			return null;
		}
		return switch (age) {
			case "u13", "13_15", "16_17" -> "yes";
			case "18_25", "over25" -> "no";
			default -> null;
		};
	}

	/**
	 * @return {@code yes} when the image shows a minor, {@code no} when an adult,
	 * {@code null} when unknown
	 */
	static String minorInImage(Map<String, String> facts) {
		if ("yes".equals(minorNow(facts)) || "minor".equals(facts.get(IMAGE_AGE))) {
			return "yes";
		}
		return "adult".equals(facts.get(IMAGE_AGE)) ? "no" : null;
	}

	/**
	 * @return the age range of the age band, {@code null} when unknown
	 */
	static Resource.AgeRange ageRange(Map<String, String> facts) {
		String age = facts.get(AGE);
		if (age == null) {
			return null;
		}
		return switch (age) {
			case "u13" -> new Resource.AgeRange(0, 12);
			case "13_15" -> new Resource.AgeRange(13, 15);
			case "16_17" -> new Resource.AgeRange(16, 17);
			case "18_25" -> new Resource.AgeRange(18, 25);
			case "over25" -> new Resource.AgeRange(26, 120);
			default -> null;
		};
	}

}
