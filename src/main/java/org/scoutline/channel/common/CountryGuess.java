package org.scoutline.channel.common;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A best guess of the country a user writes from, made from what their channel tells us
 * anyway: the browser's time zone and language, Telegram's {@code language_code}, the
 * calling code of a WhatsApp number. The guess only picks which crisis lines to show
 * first (labelled as that country's, with a one-tap change) until the user names their
 * country; it lives in memory for one message, is never stored and never logged. Only
 * countries the directory knows are guessed; the dialogue ignores any other code. Where
 * the signal is weak or ambiguous (English without a region, {@code +1}, a time zone of a
 * country we have no lines for) there is no guess, and the user is asked.
 */
public final class CountryGuess {

	private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern DIGITS = Pattern.compile("\\d{6,15}");

	/**
	 * languages spoken almost only in one of our countries: a guess even without a region
	 */
	private static final Map<String, String> LANGUAGE = Map.of("de", "DE", "ko", "KR");

	/**
	 * regions a language tag may name that we have lines for ({@code de-AT},
	 * {@code en-GB} ...)
	 */
	private static final List<String> REGIONS = List.of("DE", "AT", "CH", "BE", "NL", "FR", "GB", "IE", "US", "CA",
			"AU", "KR");

	/**
	 * the default English of browsers everywhere, so it says nothing about where someone
	 * lives
	 */
	private static final String WEAK_TAG = "en-us";

	/**
	 * calling codes (without +) of the countries we have lines for; +1 is shared by the
	 * US, Canada and more
	 */
	private static final Map<String, String> CALLING_CODES = Map.of("49", "DE", "43", "AT", "41", "CH", "32", "BE",
			"31", "NL", "33", "FR", "44", "GB", "353", "IE", "61", "AU", "82", "KR");

	private static final Map<String, String> ZONES = zones();

	private CountryGuess() {
	}

	/**
	 * The web widget: the country the embedding page names ({@code data-country}) wins;
	 * else the browser's time zone decides when it is a real place (a zone of a country
	 * we have no lines for gives no guess); only without one (absent, {@code UTC},
	 * {@code Etc/...}) does the language tag.
	 * @param pageCountry the page's {@code data-country}, or {@code null}
	 * @param timeZone the browser's IANA time zone ({@code Europe/Berlin}), or
	 * {@code null}
	 * @param language the browser's language tag ({@code de-DE}), or {@code null}
	 * @return an ISO country code, or {@code null}
	 */
	public static String browser(String pageCountry, String timeZone, String language) {
		if (pageCountry != null && CODE.matcher(pageCountry.strip()).matches()) {
			return pageCountry.strip().toUpperCase(Locale.ROOT);
		}
		if (timeZone != null && isPlace(timeZone.strip())) {
			return ZONES.get(timeZone.strip());
		}
		return language(language);
	}

	/**
	 * A language tag as Telegram or a browser sends it: {@code de} gives Germany,
	 * {@code de-AT} Austria, {@code en-GB} the UK, {@code ko} South Korea; {@code en}
	 * alone, {@code en-US} (the default English everywhere) and other languages without a
	 * region give no guess.
	 * @return an ISO country code, or {@code null}
	 */
	public static String language(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return null;
		}
		String[] parts = tag.strip().replace('_', '-').split("-");
		String language = parts[0].toLowerCase(Locale.ROOT);
		if (parts.length > 1 && !WEAK_TAG.equals(language + "-" + parts[1].toLowerCase(Locale.ROOT))) {
			String region = parts[1].toUpperCase(Locale.ROOT);
			if (REGIONS.contains(region)) {
				return region;
			}
			if (region.length() == 2) {
				// a region we have no lines for: not Germany just because the language is
				// German
				return null;
			}
		}
		return parts.length == 1 ? LANGUAGE.get(language) : null;
	}

	/**
	 * A WhatsApp sender as the Cloud API gives it: the number in international format
	 * without {@code +}.
	 * @return the country of its calling code when it is one of ours and unambiguous,
	 * else {@code null}
	 */
	public static String phoneNumber(String number) {
		if (number == null) {
			return null;
		}
		String digits = number.strip().startsWith("+") ? number.strip().substring(1) : number.strip();
		if (!DIGITS.matcher(digits).matches()) {
			return null;
		}
		for (int length = 1; length <= 3; length++) {
			String country = CALLING_CODES.get(digits.substring(0, length));
			if (country != null) {
				return country;
			}
		}
		return null;
	}

	private static boolean isPlace(String zone) {
		return zone.contains("/") && !zone.startsWith("Etc/") && !zone.equals("UTC") && zone.length() <= 64;
	}

	private static Map<String, String> zones() {
		Map<String, String> zones = new HashMap<>();
		put(zones, "DE", "Europe/Berlin", "Europe/Busingen");
		put(zones, "AT", "Europe/Vienna");
		put(zones, "CH", "Europe/Zurich");
		put(zones, "BE", "Europe/Brussels");
		put(zones, "NL", "Europe/Amsterdam");
		put(zones, "FR", "Europe/Paris");
		put(zones, "GB", "Europe/London", "Europe/Belfast", "Europe/Guernsey", "Europe/Jersey", "Europe/Isle_of_Man");
		put(zones, "IE", "Europe/Dublin");
		put(zones, "KR", "Asia/Seoul");
		put(zones, "AU", "Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth",
				"Australia/Adelaide", "Australia/Hobart", "Australia/Darwin", "Australia/Canberra",
				"Australia/Lord_Howe", "Australia/Eucla", "Australia/Broken_Hill", "Australia/Lindeman",
				"Australia/ACT", "Australia/NSW", "Australia/Queensland", "Australia/Victoria", "Australia/West",
				"Australia/South", "Australia/North", "Australia/Tasmania");
		put(zones, "US", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
				"America/Phoenix", "America/Anchorage", "America/Detroit", "America/Boise", "America/Juneau",
				"America/Sitka", "America/Nome", "America/Adak", "America/Metlakatla", "America/Yakutat",
				"America/Menominee", "America/Indiana/Indianapolis", "America/Indianapolis", "America/Indiana/Knox",
				"America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Tell_City",
				"America/Indiana/Vevay", "America/Indiana/Vincennes", "America/Indiana/Winamac",
				"America/Kentucky/Louisville", "America/Louisville", "America/Kentucky/Monticello",
				"America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah",
				"Pacific/Honolulu", "US/Eastern", "US/Central", "US/Mountain", "US/Pacific", "US/Alaska", "US/Hawaii",
				"US/Arizona");
		put(zones, "CA", "America/Toronto", "America/Vancouver", "America/Edmonton", "America/Winnipeg",
				"America/Halifax", "America/St_Johns", "America/Regina", "America/Moncton", "America/Glace_Bay",
				"America/Goose_Bay", "America/Whitehorse", "America/Dawson", "America/Yellowknife", "America/Iqaluit",
				"America/Rankin_Inlet", "America/Resolute", "America/Cambridge_Bay", "America/Inuvik",
				"America/Swift_Current", "America/Atikokan", "America/Blanc-Sablon", "America/Creston",
				"America/Dawson_Creek", "America/Fort_Nelson", "America/Montreal", "America/Thunder_Bay",
				"America/Nipigon", "America/Rainy_River", "America/Pangnirtung", "Canada/Eastern", "Canada/Central",
				"Canada/Mountain", "Canada/Pacific", "Canada/Atlantic", "Canada/Newfoundland", "Canada/Saskatchewan",
				"Canada/Yukon");
		return Map.copyOf(zones);
	}

	private static void put(Map<String, String> zones, String country, String... ids) {
		for (String id : ids) {
			zones.put(id, country);
		}
	}

}
